package org.ferryftp.fs;

import java.util.List;

/**
 * The entries of one directory, plus listing lines that could not be understood (kept so the user
 * sees that something was there).
 */
public record DirectoryListing(String path, List<FileEntry> entries, List<String> unparsed) {

    public DirectoryListing {
        entries = List.copyOf(entries);
        unparsed = List.copyOf(unparsed);
    }
}
