package org.ferryftp.transfer.sync;

/** Which way the window's Synchronize makes the two panes' folders agree. */
public enum SyncDirection {
    /** The right folder is made to match the left, as {@code ferry mirror LEFT RIGHT}. */
    TO_RIGHT,
    /** The left folder is made to match the right, as {@code ferry mirror RIGHT LEFT}. */
    TO_LEFT,
    /** Each side gets what it lacks and the newer of two differing files; what cannot be decided is a conflict. */
    BOTH
}
