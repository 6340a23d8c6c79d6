package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.ftp.listing.EntryKind;
import org.ferryftp.ui.Messages;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns entries into rows and orders them; pure functions, safe on any thread. */
public final class FileRows {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
    private static final DateTimeFormatter MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** Compares by name, case-insensitively. */
    public static final Comparator<FileRow> BY_NAME =
            Comparator.comparing(FileRow::lowerName).thenComparing(FileRow::name);

    private final Messages messages;

    public FileRows(Messages messages) {
        this.messages = messages;
    }

    public List<FileRow> rows(List<FileEntry> entries) {
        List<FileRow> rows = new ArrayList<>(entries.size());
        NumberFormat exact = NumberFormat.getIntegerInstance();
        for (FileEntry e : entries) {
            rows.add(row(e, exact));
        }
        return rows;
    }

    private FileRow row(FileEntry e, NumberFormat exact) {
        boolean sized = e.size() >= 0 && !e.isDirectory();
        String owner = e.owner().isEmpty() && e.group().isEmpty() ? "" : e.owner() + " " + e.group();
        return new FileRow(e, e.name().toLowerCase(Locale.ROOT), sized ? humanSize(e.size()) : "",
                sized ? messages.format("size.exact", exact.format(e.size())) : "", type(e),
                e.modified() == null ? "" : MODIFIED.format(e.modified()), owner.trim());
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

    /** 1536 → "1.5 KB" (binary multiples, as file managers show). */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, UNITS[unit]);
    }

    /** Folders before files whatever the column order, as in every file manager. */
    public static Comparator<FileRow> directoriesFirst(Comparator<FileRow> columnOrder) {
        Comparator<FileRow> dirs = Comparator.comparing(r -> !r.isDirectory());
        return dirs.thenComparing(columnOrder == null ? BY_NAME : columnOrder).thenComparing(BY_NAME);
    }
}
