package org.ferryftp.session;

/** What a listing entry is. */
public enum EntryKind {
    FILE,
    DIRECTORY,
    SYMLINK,
    OTHER
}
