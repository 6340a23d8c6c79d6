package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemotePaths;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.ConflictResolution;
import org.ferryftp.transfer.conflict.FileFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Uploads one file: asks the conflict policy when the remote file exists, resumes with REST where
 * allowed, checks the stored size, and keeps the modification time (MFMT) when the server can.
 */
final class FileUploader {

    private final ItemRunner runner;
    private final ConflictPolicy conflicts;

    FileUploader(ItemRunner runner, ConflictPolicy conflicts) {
        this.runner = runner;
        this.conflicts = conflicts;
    }

    Outcome upload(TransferItem item) throws Exception {
        SiteRef site = item.target.site();
        Path local = Path.of(item.source.path());
        long localSize = Files.size(local);
        Instant localTime = Files.getLastModifiedTime(local).toInstant();
        item.size = localSize;
        return runner.withSession(item, site, session -> {
            String wanted = item.target.path();
            Representation repr = session.settings().representationFor(wanted);
            String remote = wanted;
            long offset = 0;
            FileFacts existing = remoteFacts(session, remote);
            if (existing != null) {
                ConflictResolution r = conflicts.resolve(new ConflictQuestion(item.direction, local.toString(), remote,
                        new FileFacts(localSize, localTime), existing), name -> exists(session, sibling(wanted, name)));
                if (r instanceof ConflictResolution.Skip s) {
                    return new Outcome.Skipped(s.reason());
                }
                if (r instanceof ConflictResolution.Write w) {
                    remote = sibling(remote, w.targetName());
                } else if (r instanceof ConflictResolution.Resume res) {
                    if (!repr.allowsRestart()) {
                        return new Outcome.Failed("cannot resume in " + repr.describe() + "; choose overwrite", false);
                    }
                    offset = res.offset();
                }
            }
            if (item.stopRequest != null) {
                return new Outcome.Stopped();
            }
            long sent;
            try (InputStream in = Files.newInputStream(local)) {
                sent = session.store(remote, in, offset, runner.tracker(item, offset, site, session)).bytes();
            }
            if (repr.isBinary() && offset + sent != localSize) {
                return new Outcome.Failed("the local file changed during the upload (" + (offset + sent) + " of "
                        + localSize + " bytes sent); starting over", true);
            }
            if (repr.isBinary() && session.features().has("SIZE")) {
                long stored = session.size(remote);
                if (stored != localSize) {
                    return new Outcome.Failed("size check failed: the server has " + stored + " of " + localSize
                            + " bytes; starting over", true);
                }
            }
            java.util.Optional<String> bad = ChecksumVerifier.mismatch(session, remote, local);
            if (bad.isPresent()) {
                return new Outcome.Failed(bad.get(), true);
            }
            keepTimestamp(session, remote, localTime);
            return new Outcome.Completed();
        });
    }

    /** Size and time of the remote file, or null when it does not exist. */
    private static FileFacts remoteFacts(FtpSession session, String remote) throws FtpException {
        long size;
        try {
            size = session.size(remote);
        } catch (FtpRefusedException e) {
            if (e.reply().code() == 550) {
                return null;
            }
            throw e;
        }
        Instant time = null;
        if (session.features().has("MDTM")) {
            try {
                time = session.modificationTime(remote);
            } catch (FtpRefusedException e) {
                time = null;
            }
        }
        return new FileFacts(size, time);
    }

    private static boolean exists(FtpSession session, String remote) {
        try {
            return remoteFacts(session, remote) != null;
        } catch (FtpException e) {
            return true;
        }
    }

    private static String sibling(String remote, String name) {
        return RemotePaths.join(RemotePaths.parent(remote), name);
    }

    private static void keepTimestamp(FtpSession session, String remote, Instant time) {
        if (!session.features().has("MFMT")) {
            return;
        }
        try {
            session.setModificationTime(remote, time);
        } catch (IOException e) {
            // The upload is complete; a timestamp the server refuses is not worth failing for.
        }
    }
}
