package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;

/**
 * One table row: the entry plus the texts that sorting and filtering need, computed off the UI
 * thread. Texts only shown (dates, exact sizes) are formatted by the visible cells alone.
 */
public record FileRow(FileEntry entry, String lowerName, String sizeText, String typeText, String ownerGroup) {

    /** The ".." row that heads a listing (an option): entering it goes up; no operation takes it. */
    public static final FileRow PARENT = new FileRow(new FileEntry("..", org.ferryftp.session.EntryKind.DIRECTORY, -1,
            null, "", "", "", null), "..", "", "", "");

    public boolean isParent() {
        return this == PARENT;
    }

    public String name() {
        return entry.name();
    }

    public boolean isDirectory() {
        return entry.isDirectory();
    }
}
