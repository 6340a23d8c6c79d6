package org.ferryftp.testsupport;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * HASH and OPTS HASH (draft-bryan-ftpext-hash) and the older XSHA256, XSHA1, XMD5, XCRC over the virtual files.
 * Digests are computed here with the JDK directly, not with Ferry's own code, so tests compare two independent
 * computations. Paths marked by {@link ScriptedFtpServer#wrongChecksum} get a digest with its last hex digit
 * changed. The commands answer whether or not FEAT advertises them; tests choose what FEAT says.
 */
final class ChecksumCommands {

    private static final List<String> ALGORITHMS = List.of("SHA-512", "SHA-256", "SHA-1", "MD5", "CRC32");

    private final ScriptedSession session;
    private final ServedFiles files;
    private final ServerBehaviour behaviour;
    /** The algorithm HASH uses; session thread only. Null until first needed, then from FEAT's '*'. */
    private String selected;

    ChecksumCommands(ScriptedSession session, ServedFiles files, ServerBehaviour behaviour) {
        this.session = session;
        this.files = files;
        this.behaviour = behaviour;
    }

    /** Returns false if the verb is not one of these commands. */
    boolean handle(FtpCommand command) throws IOException {
        String algorithm = switch (command.verb()) {
            case "HASH" -> selected();
            case "XSHA256" -> "SHA-256";
            case "XSHA1" -> "SHA-1";
            case "XMD5" -> "MD5";
            case "XCRC" -> "CRC32";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        if (!command.hasArgument()) {
            session.reply("501 Syntax error in parameters or arguments.");
            return true;
        }
        String path = session.resolve(command.argument());
        VirtualFileSystem.Entry entry = files.entry(path);
        if (entry == null || entry.directory()) {
            session.reply("550 " + command.argument() + ": No such file.");
            return true;
        }
        String hex = digest(algorithm, files.read(path));
        if (behaviour.wrongChecksums.contains(path)) {
            hex = hex.substring(0, hex.length() - 1) + (hex.endsWith("0") ? "1" : "0");
        }
        if (command.verb().equals("HASH")) {
            session.reply("213 " + algorithm + " 0-" + entry.size() + " " + hex + " " + command.argument());
        } else {
            session.reply("250 " + hex);
        }
        return true;
    }

    /** OPTS HASH [algorithm]: selects, or with no argument reports, the algorithm HASH uses. */
    void options(String argument) throws IOException {
        String wanted = argument.strip().toUpperCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            session.reply("200 " + selected());
        } else if (ALGORITHMS.contains(wanted)) {
            selected = wanted;
            session.reply("200 " + wanted);
        } else {
            session.reply("504 Unknown algorithm " + wanted + ".");
        }
    }

    private String selected() {
        if (selected == null) {
            selected = "SHA-256";
            for (String feature : behaviour.features) {
                if (feature.toUpperCase(Locale.ROOT).startsWith("HASH ")) {
                    for (String param : feature.substring(5).split(";")) {
                        if (param.strip().endsWith("*")) {
                            selected = param.strip().replace("*", "").toUpperCase(Locale.ROOT);
                        }
                    }
                }
            }
        }
        return selected;
    }

    static String digest(String algorithm, byte[] content) {
        if (algorithm.equals("CRC32")) {
            CRC32 crc = new CRC32();
            crc.update(content);
            return String.format("%08x", crc.getValue());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
