package org.ferryftp.ftp.listing;

/** What a listing entry is. */
public enum EntryKind {
    FILE,
    DIRECTORY,
    SYMLINK,
    OTHER
}
