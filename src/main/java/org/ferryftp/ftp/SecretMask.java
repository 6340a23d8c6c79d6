package org.ferryftp.ftp;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that is shown or written down: the argument of PASS and ACCT (the protocol log, the
 * application log) and the password part of a URL ({@code ftp://user:secret@host}).
 */
public final class SecretMask {

    /** PASS or ACCT as a command at the start of a line or after white space, up to the line's end. */
    private static final Pattern COMMAND = Pattern.compile("(?im)(^|\\s)(PASS|ACCT) [^\\r\\n]*");
    /** user:password@ after a URL's scheme. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]*):[^/\\s@]*@");

    private SecretMask() {
    }

    /** A command line as sent: the argument of PASS and ACCT becomes {@code ****}. */
    public static String command(String commandLine) {
        String upper = commandLine.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PASS ") || upper.startsWith("ACCT ")) {
            return commandLine.substring(0, 5) + "****";
        }
        return commandLine;
    }

    /** Any text (a log message, an exception's): PASS/ACCT arguments and URL passwords become {@code ****}. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String commands = COMMAND.matcher(text).replaceAll("$1$2 ****");
        return URL_PASSWORD.matcher(commands).replaceAll("$1:****@");
    }
}
