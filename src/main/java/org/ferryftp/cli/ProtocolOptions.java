package org.ferryftp.cli;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;
import picocli.CommandLine.Option;

import java.util.Locale;

/** Protocol options shared by every subcommand. */
public final class ProtocolOptions {

    @Option(names = "--active", description = "Active mode: the server connects to Ferry (EPRT/PORT).")
    boolean active;

    @Option(names = "--passive", description = "Passive mode (default): Ferry connects to the server (EPSV/PASV).")
    boolean passive;

    @Option(names = "--type", paramLabel = "A|I|E|L8",
            description = "Representation type: A (ASCII), I (binary, default), E (EBCDIC), L<n> (local byte size).")
    String type = "I";

    @Option(names = "--format", paramLabel = "N|T|C",
            description = "Format control for TYPE A/E: N (non-print), T (Telnet), C (ASA carriage control).")
    String format = "N";

    @Option(names = "--structure", paramLabel = "F|R|P", description = "File structure: F (file), R (record), P (page).")
    String structure = "F";

    @Option(names = "--mode", paramLabel = "S|Z", description = "Transfer mode: S (stream) or Z (deflate).")
    String mode = "S";

    @Option(names = "--ebcdic-codepage", paramLabel = "NAME", description = "Code page for TYPE E (default IBM1047).")
    String codePage = "IBM1047";

    @Option(names = "--charset", paramLabel = "NAME", description = "Charset of names: auto (default), utf-8, or a charset name.")
    String charset = "auto";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Connect/reply timeout (data: twice this). Default 30.")
    int timeoutSeconds = 30;

    @Option(names = "--log", description = "Print the control dialogue on stderr (passwords masked).")
    boolean log;

    DataConnectionSettings dataSettings() {
        if (active && passive) {
            throw new IllegalArgumentException("choose either --active or --passive");
        }
        return active ? DataConnectionSettings.ACTIVE : DataConnectionSettings.PASSIVE;
    }

    CharsetPolicy charsetPolicy() {
        try {
            return CharsetPolicy.parse(charset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown charset: " + charset);
        }
    }

    Representation representation() {
        String t = type.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("--type needs A, I, E or L<n>");
        }
        Representation r = Representation.BINARY
                .withFormat(FormatControl.fromCode(single("--format", format)))
                .withStructure(FileStructure.fromCode(single("--structure", structure)))
                .withMode(TransferMode.fromCode(single("--mode", mode)));
        try {
            r = r.withEbcdicCodePage(java.nio.charset.Charset.forName(codePage));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown EBCDIC code page: " + codePage);
        }
        if (t.charAt(0) == 'L') {
            try {
                return r.withLocalByteSize(Integer.parseInt(t.substring(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--type L needs a byte size, e.g. L8");
            }
        }
        if (t.length() != 1) {
            throw new IllegalArgumentException("unknown --type " + type + " (expected A, I, E or L<n>)");
        }
        return r.withType(TransferType.fromCode(t.charAt(0)));
    }

    private static char single(String option, String value) {
        String v = value.trim();
        if (v.length() != 1) {
            throw new IllegalArgumentException(option + " takes one letter, got \"" + value + "\"");
        }
        return v.charAt(0);
    }
}
