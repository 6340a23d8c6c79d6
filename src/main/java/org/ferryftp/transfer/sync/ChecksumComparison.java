package org.ferryftp.transfer.sync;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.session.RemoteChecksum;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compares two files of the same size by checksum, for one plan: a server's own (HASH, XSHA256, XSHA1, XMD5, XCRC,
 * whichever it offers first) against the other side's by the same algorithm (the local disk computes it; another
 * server must offer the same). Where the two sides have no checksum in common it says so once and the plan falls
 * back to size and time for the rest of its files.
 */
final class ChecksumComparison {

    /** What the checksums said, and by which algorithm. */
    record Verdict(boolean same, String algorithm) {
    }

    private final Consumer<String> note;
    private boolean unavailable;

    ChecksumComparison(Consumer<String> note) {
        this.note = note;
    }

    /** Null when the two sides cannot be compared by checksum (said once). */
    Verdict compare(FileBrowser source, String sourcePath, FileBrowser target, String targetPath) throws IOException {
        if (unavailable) {
            return null;
        }
        Optional<RemoteChecksum> t = target.isLocal() ? Optional.empty() : target.checksum(targetPath, null);
        Optional<RemoteChecksum> s = source.isLocal() && t.isPresent()
                ? source.checksum(sourcePath, t.get().algorithm())
                : source.isLocal() ? Optional.empty() : source.checksum(sourcePath, null);
        if (t.isEmpty() && target.isLocal() && s.isPresent()) {
            t = target.checksum(targetPath, s.get().algorithm());
        }
        if (s.isEmpty() || t.isEmpty() || !s.get().algorithm().equals(t.get().algorithm())) {
            unavailable = true;
            note.accept("no checksum that both sides offer (" + describe(source, s) + ", " + describe(target, t)
                    + "): files are compared by size and time");
            return null;
        }
        return new Verdict(s.get().matches(t.get().hex()), s.get().algorithm());
    }

    private static String describe(FileBrowser side, Optional<RemoteChecksum> c) {
        return side.displayName() + ": " + c.map(RemoteChecksum::algorithm)
                .orElse(side.isLocal() ? "computes any" : "none");
    }
}
