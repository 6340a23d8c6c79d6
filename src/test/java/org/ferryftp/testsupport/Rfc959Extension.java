package org.ferryftp.testsupport;

import java.util.Locale;
import java.util.Set;

/**
 * What an FTP server may have beyond RFC 959's minimum (§5.1), one by one, so that a {@link ScriptedFtpServer}
 * can lack each on its own ({@link ScriptedFtpServer#lacks}) or advertise it and still refuse it
 * ({@link ScriptedFtpServer#refusesAdvertised}). PASV and SYST are RFC 959 commands a server need not have.
 */
public enum Rfc959Extension {
    /** RFC 2389. */
    FEAT(Set.of("FEAT"), null),
    /** RFC 3659. */
    SIZE(Set.of("SIZE"), "SIZE"),
    /** RFC 3659. */
    MDTM(Set.of("MDTM"), "MDTM"),
    /** RFC 3659 REST STREAM (RFC 959's REST is for block and compressed modes only). */
    REST(Set.of("REST"), "REST"),
    /** RFC 2428. */
    EPSV(Set.of("EPSV"), "EPSV"),
    /** RFC 2428. */
    EPRT(Set.of("EPRT"), "EPRT"),
    /** RFC 3659 (advertised as MLST). */
    MLSD(Set.of("MLSD"), null),
    /** RFC 3659. */
    MLST(Set.of("MLST"), "MLST"),
    /** RFC 2640 OPTS UTF8 ON (advertised as UTF8). */
    UTF8(Set.of("OPTS"), "UTF8"),
    /** RFC 959, but optional: without it only the client listens (PORT or the default data port). */
    PASV(Set.of("PASV"), null),
    /** RFC 959, but optional. */
    SYST(Set.of("SYST"), null),
    /** RFC 959, but optional. */
    PORT(Set.of("PORT"), null),
    /** RFC 959, but optional: without it and REST STREAM an upload cannot be continued. */
    APPE(Set.of("APPE"), null),
    /** draft-somers-ftp-mfxx. */
    MFMT(Set.of("MFMT"), "MFMT"),
    /** Checksums (HASH and the X* commands). */
    CHECKSUMS(Set.of("HASH", "XSHA256", "XSHA1", "XMD5", "XCRC"), null),
    /** MODE Z (deflate). */
    MODE_Z(Set.of(), "MODE"),
    /** SITE commands (CHMOD). */
    SITE(Set.of("SITE"), null);

    /** The extensions an RFC 959-only server lacks; PORT, which §5.1 requires, is not one of them. */
    public static final Set<Rfc959Extension> BEYOND_RFC959 = Set.of(FEAT, SIZE, MDTM, REST, EPSV, EPRT, MLSD, MLST,
            UTF8, MFMT, CHECKSUMS, MODE_Z, SITE);

    private final Set<String> verbs;
    /** The FEAT line's first word, or null when it has none. */
    private final String featureName;

    Rfc959Extension(Set<String> verbs, String featureName) {
        this.verbs = verbs;
        this.featureName = featureName;
    }

    /** True when this command belongs to the extension. */
    boolean covers(FtpCommand command) {
        if (this == UTF8) {
            return command.verb().equals("OPTS") && command.argument().trim().toUpperCase(Locale.ROOT).startsWith("UTF");
        }
        if (this == MODE_Z) {
            return command.verb().equals("MODE") && command.argument().trim().equalsIgnoreCase("Z");
        }
        return verbs.contains(command.verb());
    }

    /** True when this FEAT line (without its leading space) announces the extension. */
    boolean announcedBy(String featureLine) {
        if (featureName == null) {
            return false;
        }
        String upper = featureLine.trim().toUpperCase(Locale.ROOT);
        return upper.equals(featureName) || upper.startsWith(featureName + " ");
    }

    /** RFC 959's text for each refusal a server may give to what it does not have. */
    static String refusal(int code, FtpCommand command) {
        return switch (code) {
            case 500 -> "500 Syntax error, command unrecognized.";
            case 501 -> "501 Syntax error in parameters or arguments.";
            case 502 -> "502 Command not implemented.";
            case 504 -> "504 Command not implemented for that parameter.";
            default -> throw new IllegalArgumentException("not a refusal for a missing command: " + code
                    + " (" + command.verb() + ")");
        };
    }
}
