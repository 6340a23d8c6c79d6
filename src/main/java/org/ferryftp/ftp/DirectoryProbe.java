package org.ferryftp.ftp;

import org.ferryftp.session.EntryKind;
import org.ferryftp.ftp.listing.MlsxParser;
import org.ferryftp.session.RemoteEntry;

/**
 * Tells a directory from a missing path: one MLST where the server offers it, else CWD there and back. The
 * working directory to come back to is asked (PWD) once and kept until the session itself changes directory,
 * so a missing path costs one command. Used under the session's lock.
 */
final class DirectoryProbe {

    private final SessionLock lock;
    private final ServerExtensions extensions;
    private String workingDirectory;

    DirectoryProbe(SessionLock lock, ServerExtensions extensions) {
        this.lock = lock;
        this.extensions = extensions;
    }

    /** The session moved (CWD, CDUP): the next probe asks where it is. */
    void forgetWorkingDirectory() {
        workingDirectory = null;
    }

    /** Returns when {@code path} is a directory (null or empty: the working directory); otherwise throws. */
    void require(String path, Features features) throws FtpException {
        if (path == null || path.isEmpty()) {
            return;
        }
        FtpReply[] doubtful = {null};
        if (features.has("MLST") && !extensions.refused("MLST") && byMachineListing(path, doubtful)) {
            return;
        }
        byChangingDirectory(path);
        if (doubtful[0] != null) {
            // MLST said 501 of a directory that is there: the server does not really have MLST.
            extensions.withdrawIfNotImplemented("MLST", doubtful[0], "CWD tells directories apart");
        }
    }

    /**
     * True when MLST said "directory"; false when it cannot tell (refused, or an unknown type). A 501, which
     * may mean either a missing path or no MLST, is put into {@code doubtful} for CWD to settle.
     */
    private boolean byMachineListing(String path, FtpReply[] doubtful) throws FtpException {
        FtpReply reply;
        try {
            reply = lock.expect("MLST", path, 250);
        } catch (FtpRefusedException e) {
            if (e.reply().code() == 501) {
                // MINA says 501 of a missing path, others of an MLST they do not have: CWD decides.
                doubtful[0] = e.reply();
                return false;
            }
            if (extensions.withdrawIfNotImplemented("MLST", e.reply(), "CWD tells directories apart")) {
                return false;
            }
            throw e.reply().code() >= 500 ? NoSuchDirectoryException.missing(path, "MLST " + path, e.reply()) : e;
        }
        RemoteEntry entry = facts(reply);
        if (entry != null && entry.kind() == EntryKind.FILE) {
            throw NoSuchDirectoryException.file(path, "MLST " + path, reply);
        }
        return entry != null && entry.kind() == EntryKind.DIRECTORY;
    }

    private void byChangingDirectory(String path) throws FtpException {
        if (workingDirectory == null) {
            workingDirectory = PathReplies.quotedPath(lock.expect("PWD", null, 257));
        }
        try {
            lock.expect("CWD", path, 250, 200);
        } catch (FtpRefusedException e) {
            throw e.reply().code() >= 500 ? NoSuchDirectoryException.missing(path, "CWD " + path, e.reply()) : e;
        }
        lock.expect("CWD", workingDirectory, 250, 200);
    }

    /** The entry of an MLST reply: the line between the first and the last, after its leading space. */
    private static RemoteEntry facts(FtpReply reply) {
        for (int i = 1; i < reply.lines().size() - 1; i++) {
            RemoteEntry e = MlsxParser.parse(reply.lines().get(i).stripLeading());
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
