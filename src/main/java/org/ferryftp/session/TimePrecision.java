package org.ferryftp.session;

/** How much of a listing entry's modification time the server gave: a date only, or down to the minute or second. */
public enum TimePrecision {
    /** No time was given. */
    UNKNOWN,
    /** A date without a time of day (shown and compared as a date). */
    DAY,
    MINUTE,
    SECOND
}
