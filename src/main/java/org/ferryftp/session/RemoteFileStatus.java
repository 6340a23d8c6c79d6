package org.ferryftp.session;

import java.time.Instant;

/**
 * What a session could find out about one remote file before or after a transfer: there (with what is known
 * of it), not there, or not knowable on this server (no SIZE, MLST or listing that tells).
 */
public sealed interface RemoteFileStatus {

    /**
     * The file is there.
     *
     * @param size     stored size in bytes, or -1 when the server does not tell (a names-only listing)
     * @param modified modification time, or null when unknown
     * @param source   how it was found out, for logs and messages: "SIZE", "MLST", "LIST" or "NLST"
     */
    record Present(long size, Instant modified, String source) implements RemoteFileStatus {
    }

    /** Nothing (or a directory) has that name. */
    record Absent() implements RemoteFileStatus {
    }

    /** The server offers no way to tell; {@code why} says which were missing, in a clause. */
    record Unknown(String why) implements RemoteFileStatus {
    }
}
