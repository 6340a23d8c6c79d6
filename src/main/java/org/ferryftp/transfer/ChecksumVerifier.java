package org.ferryftp.transfer;

import org.ferryftp.fs.LocalChecksums;
import org.ferryftp.session.RemoteChecksum;
import org.ferryftp.session.RemoteChecksums;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.TransferForm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Compares a transferred file with the server's own checksum (FTP's HASH, XSHA256/XSHA1, XMD5 or XCRC) when the
 * session offers {@link RemoteChecksums}. Only binary transfers can match: converted text differs byte-wise.
 */
final class ChecksumVerifier {

    private ChecksumVerifier() {
    }

    /** A reason to start over, or empty when the file matches or the server offers no checksum. */
    static Optional<String> mismatch(RemoteSession session, String remotePath, Path localFile) throws SessionException {
        Optional<RemoteChecksums> checksums = session.feature(RemoteChecksums.class);
        if (checksums.isEmpty() || !TransferForm.of(session, remotePath).binary()) {
            return Optional.empty();
        }
        Optional<RemoteChecksum> remote = checksums.get().checksum(remotePath);
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
