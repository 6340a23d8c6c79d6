package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignZ;

import java.util.Locale;
import java.util.Map;

/** Material Design icons by file type. */
public final class FileIcons {

    private static final Map<String, Ikon> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", MaterialDesignF.FILE_DOCUMENT_OUTLINE), Map.entry("md", MaterialDesignF.FILE_DOCUMENT_OUTLINE),
            Map.entry("log", MaterialDesignF.FILE_DOCUMENT_OUTLINE), Map.entry("pdf", MaterialDesignF.FILE_PDF_BOX),
            Map.entry("png", MaterialDesignF.FILE_IMAGE_OUTLINE), Map.entry("jpg", MaterialDesignF.FILE_IMAGE_OUTLINE),
            Map.entry("jpeg", MaterialDesignF.FILE_IMAGE_OUTLINE), Map.entry("gif", MaterialDesignF.FILE_IMAGE_OUTLINE),
            Map.entry("svg", MaterialDesignF.FILE_IMAGE_OUTLINE), Map.entry("mp3", MaterialDesignF.FILE_MUSIC_OUTLINE),
            Map.entry("wav", MaterialDesignF.FILE_MUSIC_OUTLINE), Map.entry("mp4", MaterialDesignF.FILE_VIDEO_OUTLINE),
            Map.entry("mkv", MaterialDesignF.FILE_VIDEO_OUTLINE), Map.entry("zip", MaterialDesignZ.ZIP_BOX_OUTLINE),
            Map.entry("gz", MaterialDesignZ.ZIP_BOX_OUTLINE), Map.entry("tar", MaterialDesignZ.ZIP_BOX_OUTLINE),
            Map.entry("7z", MaterialDesignZ.ZIP_BOX_OUTLINE), Map.entry("java", MaterialDesignF.FILE_CODE_OUTLINE),
            Map.entry("js", MaterialDesignF.FILE_CODE_OUTLINE), Map.entry("py", MaterialDesignF.FILE_CODE_OUTLINE),
            Map.entry("html", MaterialDesignF.FILE_CODE_OUTLINE), Map.entry("css", MaterialDesignF.FILE_CODE_OUTLINE),
            Map.entry("xml", MaterialDesignF.FILE_CODE_OUTLINE), Map.entry("json", MaterialDesignF.FILE_CODE_OUTLINE),
            Map.entry("sh", MaterialDesignF.FILE_CODE_OUTLINE), Map.entry("csv", MaterialDesignF.FILE_TABLE_OUTLINE),
            Map.entry("xls", MaterialDesignF.FILE_EXCEL_OUTLINE), Map.entry("xlsx", MaterialDesignF.FILE_EXCEL_OUTLINE),
            Map.entry("doc", MaterialDesignF.FILE_WORD_OUTLINE), Map.entry("docx", MaterialDesignF.FILE_WORD_OUTLINE),
            Map.entry("bin", MaterialDesignF.FILE_OUTLINE), Map.entry("iso", MaterialDesignF.FILE_OUTLINE),
            Map.entry("key", MaterialDesignF.FILE_KEY_OUTLINE), Map.entry("pem", MaterialDesignF.FILE_CERTIFICATE_OUTLINE));

    private FileIcons() {
    }

    public static Ikon iconFor(FileEntry e) {
        if (e.kind() == EntryKind.DIRECTORY) {
            return MaterialDesignF.FOLDER;
        }
        if (e.kind() == EntryKind.SYMLINK) {
            return MaterialDesignL.LINK_VARIANT;
        }
        if (e.kind() == EntryKind.OTHER) {
            return MaterialDesignA.ALERT_CIRCLE_OUTLINE;
        }
        int dot = e.name().lastIndexOf('.');
        Ikon ikon = dot > 0 ? BY_EXTENSION.get(e.name().substring(dot + 1).toLowerCase(Locale.ROOT)) : null;
        return ikon == null ? MaterialDesignF.FILE_OUTLINE : ikon;
    }

    public static String styleClassFor(FileEntry e) {
        return switch (e.kind()) {
            case DIRECTORY -> Styles.ICON_FOLDER;
            case SYMLINK -> Styles.ICON_LINK;
            default -> Styles.ICON_FILE;
        };
    }

    /** A small icon node. */
    public static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(16);
        return icon;
    }
}
