package org.ferryftp.ftp;

import org.ferryftp.ftp.listing.MlsxParser;
import org.ferryftp.ftp.repr.Representation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A remote file's size and modification time: SIZE and MDTM read them, MFMT sets the time. Used under the
 * session's lock only.
 */
final class RemoteAttributes {

    private static final DateTimeFormatter MFMT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SessionLock commands;
    private final SessionSettings settings;
    private final RepresentationNegotiator negotiator;

    RemoteAttributes(SessionLock commands, SessionSettings settings, RepresentationNegotiator negotiator) {
        this.commands = commands;
        this.settings = settings;
        this.negotiator = negotiator;
    }

    /** SIZE (RFC 3659), asked in TYPE I so the answer is the stored size. */
    long size(String path, Features features) throws FtpException {
        negotiator.applyForTransfer(Representation.BINARY.withMode(settings.representation().mode()), features);
        FtpReply r = commands.expect("SIZE", path, 213);
        try {
            return Long.parseLong(r.firstLineText().strip());
        } catch (NumberFormatException e) {
            throw new FtpProtocolException("cannot read the size in: " + r.oneLine());
        }
    }

    /**
     * The stored size: SIZE where FEAT offers it, else the size fact of MLST; -1 when the server offers
     * neither, or its MLST answer has no size.
     */
    long storedSize(String path, Features features) throws FtpException {
        if (features.has("SIZE")) {
            return size(path, features);
        }
        if (!features.has("MLST")) {
            return -1;
        }
        FtpReply r = commands.expect("MLST", path, 250);
        for (String line : r.lines()) {
            // The facts line starts with a space (RFC 3659 7.2); the others are the reply's own text.
            var entry = line.startsWith(" ") ? MlsxParser.parse(line.substring(1)) : null;
            if (entry != null) {
                return entry.size();
            }
        }
        return -1;
    }

    /** MDTM, in UTC. */
    Instant modificationTime(String path) throws FtpException {
        FtpReply r = commands.expect("MDTM", path, 213);
        Instant t = MlsxParser.parseTime(r.firstLineText().strip());
        if (t == null) {
            throw new FtpProtocolException("cannot read the time in: " + r.oneLine());
        }
        return t;
    }

    /** MFMT, when FEAT offers it. */
    FtpReply setModificationTime(String path, Instant time, Features features) throws FtpException {
        if (!features.has("MFMT")) {
            throw new FtpSettingException("the server cannot set modification times (no MFMT in FEAT)");
        }
        return commands.expect("MFMT", MFMT_TIME.format(time) + " " + CommandArguments.requireSafe("path", path), 213);
    }
}
