package org.ferryftp.ftp;

/** The RFC 959 upload commands Ferry uses (STOU, a name the server chooses, has no use in it). */
public enum StoreCommand {
    /** Create or replace the file. */
    STOR,
    /** Append to the file, creating it if missing. */
    APPE
}
