package org.ferryftp.ftp;

import org.ferryftp.session.RemoteChecksum;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the server for a file's checksum with the strongest method it advertises in FEAT:
 * {@code HASH} (draft-bryan-ftpext-hash) with its strongest algorithm, else {@code XSHA256}, {@code XSHA1},
 * {@code XMD5}, {@code XCRC}. Kept apart from {@link FtpSession} so the session stays about sessions; it
 * remembers which HASH algorithm it selected so OPTS HASH goes out once per session, not once per file.
 * Used under the session's lock only.
 */
final class Checksums {

    /** Strongest first; names as the HASH draft spells them. */
    private static final List<String> HASH_PREFERENCE = List.of("SHA-512", "SHA-256", "SHA-1", "MD5", "CRC32");

    @FunctionalInterface
    interface Exchange {
        FtpReply expect(String verb, String arg, int... okCodes) throws FtpException;
    }

    private Features selectedFor;
    private String selectedHash;

    Optional<RemoteChecksum> checksum(Exchange session, Features features, String path) throws FtpException {
        String command = features.checksumCommand();
        if (command == null) {
            return Optional.empty();
        }
        return switch (command) {
            case "HASH" -> hash(session, features, path);
            case "XSHA256" -> legacy(session, "XSHA256", "SHA-256", path);
            case "XSHA1" -> legacy(session, "XSHA1", "SHA-1", path);
            case "XMD5" -> legacy(session, "XMD5", "MD5", path);
            default -> legacy(session, "XCRC", "CRC32", path);
        };
    }

    private Optional<RemoteChecksum> hash(Exchange session, Features features, String path) throws FtpException {
        String best = null;
        String current = null;
        for (String param : features.parameters("HASH").split(";")) {
            String name = param.strip();
            if (name.endsWith("*")) {
                name = name.substring(0, name.length() - 1);
                current = name.toUpperCase(Locale.ROOT);
            }
        }
        for (String candidate : HASH_PREFERENCE) {
            if (features.has("HASH", candidate)) {
                best = candidate;
                break;
            }
        }
        if (best == null) {
            return Optional.empty(); // HASH with no algorithm we know
        }
        if (selectedFor != features) { // a new login re-read FEAT: its '*' is the server's choice again
            selectedFor = features;
            selectedHash = current;
        }
        if (!best.equals(selectedHash)) {
            session.expect("OPTS", "HASH " + best, 200);
            selectedHash = best;
        }
        FtpReply r = session.expect("HASH", path, 213);
        // 213 <algorithm> <start>-<end> <hex> <path>; the path may contain spaces, so split only the head.
        String[] parts = finalLineText(r).split(" +", 4);
        if (parts.length < 3 || !isHex(parts[2])) {
            throw new FtpProtocolException("cannot read the checksum in: " + r.oneLine());
        }
        return Optional.of(new RemoteChecksum(canonical(parts[0], best), parts[2]));
    }

    private static Optional<RemoteChecksum> legacy(Exchange session, String verb, String algorithm, String path)
            throws FtpException {
        // Servers disagree on the code (250 for ProFTPD mod_digest, 213 elsewhere) and on extra words.
        FtpReply r = session.expect(verb, path, 200, 213, 250);
        int expectedLength = "CRC32".equals(algorithm) ? -1 : hexLength(algorithm);
        for (String token : finalLineText(r).split("\\s+")) {
            String t = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
            if (!isHex(t)) {
                continue;
            }
            if (expectedLength < 0 && t.length() <= 8) {
                return Optional.of(new RemoteChecksum(algorithm, "0".repeat(8 - t.length()) + t));
            }
            if (t.length() == expectedLength) {
                return Optional.of(new RemoteChecksum(algorithm, t));
            }
        }
        throw new FtpProtocolException("cannot read the " + algorithm + " checksum in: " + r.oneLine());
    }

    /**
     * The text of a reply's final line, which carries the digest: ProFTPD's mod_digest first sends
     * {@code 213-Computing SHA-512 digest} (or {@code 250-Computing CRC32 digest}) and the result after it.
     */
    private static String finalLineText(FtpReply r) {
        String last = r.lines().isEmpty() ? "" : r.lines().get(r.lines().size() - 1);
        return (last.length() > 4 ? last.substring(4) : "").strip();
    }

    /** The reply's algorithm name, canonicalised; the server's word wins over what we asked for. */
    private static String canonical(String replied, String asked) {
        String upper = replied.toUpperCase(Locale.ROOT);
        for (String known : HASH_PREFERENCE) {
            if (known.replace("-", "").equals(upper.replace("-", ""))) {
                return known;
            }
        }
        return asked;
    }

    private static int hexLength(String algorithm) {
        return switch (algorithm) {
            case "SHA-512" -> 128;
            case "SHA-256" -> 64;
            case "SHA-1" -> 40;
            case "MD5" -> 32;
            default -> 8;
        };
    }

    private static boolean isHex(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
