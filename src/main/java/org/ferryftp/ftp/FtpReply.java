package org.ferryftp.ftp;

import java.util.List;

/**
 * One server reply: its three-digit code and its lines (a multi-line reply has several).
 */
public record FtpReply(int code, List<String> lines) {

    public FtpReply {
        lines = List.copyOf(lines);
    }

    public boolean isPreliminary() {
        return code >= 100 && code < 200;
    }

    public boolean isCompletion() {
        return code >= 200 && code < 300;
    }

    public boolean isIntermediate() {
        return code >= 300 && code < 400;
    }

    public boolean isNegative() {
        return code >= 400;
    }

    /**
     * True for the replies by which a server says it does not have a command or parameter (RFC 959 4.2: 500,
     * 501, 502, 504); Ferry then does without it for the session.
     */
    public boolean isNotImplemented() {
        return code == 500 || code == 501 || code == 502 || code == 504;
    }

    /** The reply on one line, bounded in length, for messages and logs. */
    public String oneLine() {
        String joined = String.join(" ", lines).strip();
        return joined.length() > 300 ? joined.substring(0, 300) + "…" : joined;
    }

    /** The text after the code of the first line. */
    public String firstLineText() {
        String first = lines.isEmpty() ? "" : lines.get(0);
        return first.length() > 4 ? first.substring(4) : "";
    }
}
