package org.ferryftp.testsupport;

import java.util.Locale;

/**
 * One command line split into verb and argument. The verb is upper-cased (FTP verbs are case-insensitive); the
 * argument is everything after the first space, untouched, because paths may contain spaces.
 */
record FtpCommand(String line, String verb, String argument) {

    static FtpCommand parse(String line) {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1);
        return new FtpCommand(line, verb.toUpperCase(Locale.ROOT), argument);
    }

    boolean hasArgument() {
        return !argument.isBlank();
    }
}
