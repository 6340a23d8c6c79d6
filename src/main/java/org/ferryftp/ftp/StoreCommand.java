package org.ferryftp.ftp;

/** The three RFC 959 upload commands. */
public enum StoreCommand {
    /** Create or replace the file. */
    STOR,
    /** Append to the file, creating it if missing. */
    APPE,
    /** Store under a unique name the server chooses. */
    STOU
}
