package org.ferryftp.transfer;

import org.ferryftp.fs.LocalChecksums;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemoteChecksum;
import org.ferryftp.ftp.repr.Representation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Compares a transferred file with the server's own checksum (HASH, XSHA256/XSHA1, XMD5 or XCRC)
 * when the server offers one. Only binary transfers can match: converted text differs byte-wise.
 */
final class ChecksumVerifier {

    private ChecksumVerifier() {
    }

    /** A reason to start over, or empty when the file matches or the server offers no checksum. */
    static Optional<String> mismatch(FtpSession session, String remotePath, Path localFile) throws FtpException {
        Representation repr = session.settings().representationFor(remotePath);
        if (!repr.isBinary() || session.features().checksumCommand() == null) {
            return Optional.empty();
        }
        Optional<RemoteChecksum> remote = session.checksum(remotePath);
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        String local;
        try {
            local = LocalChecksums.compute(localFile, remote.get().algorithm());
        } catch (IOException e) {
            return Optional.of("cannot read " + localFile + " to verify it: " + e.getMessage());
        }
        if (remote.get().matches(local)) {
            return Optional.empty();
        }
        return Optional.of(remote.get().algorithm() + " checksum mismatch (server " + remote.get().hex()
                + ", local " + local + "); starting over");
    }
}
