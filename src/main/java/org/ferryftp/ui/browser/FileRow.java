package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;

/**
 * One table row: the entry plus its display texts, computed off the UI thread so that handing
 * 100,000 rows to the table costs no formatting on it.
 */
public record FileRow(FileEntry entry, String lowerName, String sizeText, String exactSize, String typeText,
                      String modifiedText, String ownerGroup) {

    public String name() {
        return entry.name();
    }

    public boolean isDirectory() {
        return entry.isDirectory();
    }
}
