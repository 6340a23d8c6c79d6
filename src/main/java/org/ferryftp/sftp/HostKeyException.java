package org.ferryftp.sftp;

import org.ferryftp.session.SessionException;

/** The server's host key was not accepted: unknown, or different from the one recorded. */
public final class HostKeyException extends SessionException {

    private final HostKeyVerdict verdict;

    HostKeyException(String host, int port, HostKeyVerdict verdict) {
        super(message(host, port, verdict), false);
        this.verdict = verdict;
    }

    public HostKeyVerdict verdict() {
        return verdict;
    }

    private static String message(String host, int port, HostKeyVerdict verdict) {
        String where = port == 22 ? host : host + ":" + port;
        if (verdict instanceof HostKeyVerdict.Changed c) {
            return "WARNING: the host key of " + where + " has changed (now " + c.fingerprint() + ", recorded "
                    + c.recordedFingerprint() + " in " + c.recordedIn() + "); someone may be intercepting the"
                    + " connection; refused";
        }
        String fingerprint = verdict instanceof HostKeyVerdict.Unknown u ? u.fingerprint() : "";
        return "the host key of " + where + " is not known (" + fingerprint + "); check it with the server's"
                + " administrator, then re-run with --trust-fingerprint " + fingerprint;
    }
}
