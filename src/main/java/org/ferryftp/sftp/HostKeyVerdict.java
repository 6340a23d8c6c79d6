package org.ferryftp.sftp;

/** What the known-hosts files say of the key a server presented. */
public sealed interface HostKeyVerdict {

    /** The key is recorded for this host (and port) in one of the files. */
    record Known() implements HostKeyVerdict {
    }

    /** No key of this host is recorded: the first connection to it. */
    record Unknown(String fingerprint) implements HostKeyVerdict {
    }

    /**
     * Another key of the same type is recorded for this host: the server was reinstalled, or someone is in the
     * middle. {@code recordedIn} names the file and line.
     */
    record Changed(String fingerprint, String recordedFingerprint, String recordedIn) implements HostKeyVerdict {
    }
}
