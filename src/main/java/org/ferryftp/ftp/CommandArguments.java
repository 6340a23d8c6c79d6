package org.ferryftp.ftp;

import java.nio.charset.Charset;
import java.util.Set;

/**
 * Guards the control connection: RFC 959 ends every command with CRLF, so an argument holding CR,
 * LF or NUL could end the command early and inject another. Such arguments never reach the wire,
 * nor do command lines longer than servers take (a 100,000-character path is a mistake, not a
 * transfer to retry). Secrets are never repeated in the message.
 */
public final class CommandArguments {

    /** The longest command line Ferry sends, CRLF included; servers' own limits are near this or lower. */
    public static final int MAX_LINE_BYTES = 4096;

    private static final Set<String> SECRET_VERBS = Set.of("PASS", "ACCT");

    private CommandArguments() {
    }

    /** Returns {@code arg} unchanged, or throws when it contains CR, LF or NUL. */
    public static String requireSafe(String what, String arg) throws UnsafeArgumentException {
        if (arg != null && hasLineBreak(arg)) {
            throw new UnsafeArgumentException("refusing to send " + what + " \"" + escaped(arg)
                    + "\": it contains a line break or NUL character, which could inject FTP commands");
        }
        return arg;
    }

    /**
     * Checks that {@code verb arg} can go on the wire as one command line in {@code charset}: no CR,
     * LF or NUL in the argument (a password's is never shown), and at most {@link #MAX_LINE_BYTES}.
     */
    public static void requireSendable(String verb, String arg, Charset charset) throws UnsafeArgumentException {
        if (arg == null) {
            return;
        }
        if (SECRET_VERBS.contains(verb)) {
            if (hasLineBreak(arg)) {
                throw new UnsafeArgumentException("refusing to send the " + (verb.equals("PASS") ? "password" : "account")
                        + ": it contains a line break or NUL character");
            }
        } else {
            requireSafe("the argument of " + verb, arg);
        }
        int bytes = verb.length() + 1 + arg.getBytes(charset).length + 2;
        if (bytes > MAX_LINE_BYTES) {
            String start = SECRET_VERBS.contains(verb) ? "" : " \"" + escaped(arg.substring(0, Math.min(40, arg.length()))) + "…\"";
            throw new UnsafeArgumentException("refusing to send " + verb + start + ": the command would be " + bytes
                    + " bytes long, more than the " + MAX_LINE_BYTES + " bytes Ferry sends in one command");
        }
    }

    /** True when {@code arg} holds CR, LF or NUL, which no FTP command argument may. */
    public static boolean hasLineBreak(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return true;
            }
        }
        return false;
    }

    static String escaped(String arg) {
        return arg.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
