package org.ferryftp.ftp;

/**
 * Guards the control connection: RFC 959 ends every command with CRLF, so an argument holding CR,
 * LF or NUL could end the command early and inject another. Such arguments never reach the wire.
 */
public final class CommandArguments {

    private CommandArguments() {
    }

    /** Returns {@code arg} unchanged, or throws when it contains CR, LF or NUL. */
    public static String requireSafe(String what, String arg) throws UnsafeArgumentException {
        if (arg == null) {
            return null;
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                String shown = arg.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
                throw new UnsafeArgumentException("refusing to send " + what + " \"" + shown
                        + "\": it contains a line break or NUL character, which could inject FTP commands");
            }
        }
        return arg;
    }
}
