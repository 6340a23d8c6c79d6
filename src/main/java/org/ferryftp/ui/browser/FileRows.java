package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.TimePrecision;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Sizes;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Turns entries into rows and orders them; pure functions, safe on any thread. */
public final class FileRows {

    private static final DateTimeFormatter MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    /** A listing that gives only a date gives it as the server's calendar day: shown as is, never shifted by a zone. */
    private static final DateTimeFormatter DATE_ONLY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** Compares by name, case-insensitively. */
    public static final Comparator<FileRow> BY_NAME =
            Comparator.comparing(FileRow::lowerName).thenComparing(FileRow::name);

    private final Messages messages;

    private final Locale locale;

    public FileRows(Messages messages) {
        this.messages = messages;
        this.locale = messages.bundle().getLocale() == null || messages.bundle().getLocale().getLanguage().isEmpty()
                ? Locale.getDefault(Locale.Category.FORMAT) : messages.bundle().getLocale();
    }

    /**
     * Builds rows; type names are cached per extension, so 100k rows take a few tens of milliseconds. Size and
     * owner texts repeat across a folder ("0 B", "alice staff"): each distinct text is kept once, not once per
     * row (issue 18: two panes of 100,000 rows held 200,000 copies of each).
     */
    public List<FileRow> rows(List<FileEntry> entries) {
        List<FileRow> rows = new ArrayList<>(entries.size());
        Map<String, String> types = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (FileEntry e : entries) {
            boolean sized = e.size() >= 0 && !e.isDirectory();
            String owner = e.owner().isEmpty() && e.group().isEmpty() ? ""
                    : texts.computeIfAbsent((e.owner() + " " + e.group()).trim(), k -> k);
            String type = e.kind() == EntryKind.FILE ? types.computeIfAbsent(extension(e.name()), this::fileType)
                    : type(e);
            String size = sized ? texts.computeIfAbsent(Sizes.format(e.size(), locale), k -> k) : "";
            rows.add(new FileRow(e, e.name().toLowerCase(Locale.ROOT), size, type, owner));
        }
        return rows;
    }

    /** "123,456 bytes" for the size tooltip, or "" when unknown. */
    public String exactSize(FileEntry e) {
        return e.size() < 0 || e.isDirectory() ? ""
                : messages.format("size.exact", NumberFormat.getIntegerInstance().format(e.size()));
    }

    public static String modifiedText(FileEntry e) {
        if (e.modified() == null) {
            return "";
        }
        return e.precision() == TimePrecision.DAY ? DATE_ONLY.format(e.modified()) : MODIFIED.format(e.modified());
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toUpperCase(Locale.ROOT) : "";
    }

    private String fileType(String ext) {
        return ext.isEmpty() ? messages.get("type.file") : messages.format("type.file.ext", ext);
    }

    private String type(FileEntry e) {
        if (e.kind() == EntryKind.DIRECTORY) {
            return messages.get("type.folder");
        }
        if (e.kind() == EntryKind.SYMLINK) {
            return messages.get("type.link");
        }
        if (e.kind() == EntryKind.OTHER) {
            return messages.get("type.other");
        }
        int dot = e.name().lastIndexOf('.');
        return dot > 0 && dot < e.name().length() - 1
                ? messages.format("type.file.ext", e.name().substring(dot + 1).toUpperCase(Locale.ROOT))
                : messages.get("type.file");
    }

    /** The pane's size text: the window's one convention ({@link Sizes}). */
    public static String humanSize(long bytes) {
        return Sizes.format(bytes, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** Folders before files whatever the column order, as in every file manager. */
    public static Comparator<FileRow> directoriesFirst(Comparator<FileRow> columnOrder) {
        Comparator<FileRow> dirs = Comparator.comparing(r -> !r.isDirectory());
        return dirs.thenComparing(columnOrder == null ? BY_NAME : columnOrder).thenComparing(BY_NAME);
    }
}
