package org.ferryftp.transfer;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.ConflictResolution;
import org.ferryftp.transfer.conflict.FileFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Downloads one file: applies the conflict policy when the target exists, writes to a partial file
 * that resumes (REST) where the representation allows, checks the size, and only then puts the
 * file under its name.
 */
final class FileDownloader {

    private final ItemRunner runner;
    private final ConflictPolicy conflicts;
    private final boolean durable;

    FileDownloader(ItemRunner runner, ConflictPolicy conflicts, boolean durable) {
        this.runner = runner;
        this.conflicts = conflicts;
        this.durable = durable;
    }

    Outcome download(TransferItem item) throws Exception {
        SiteRef site = item.source.site();
        return runner.withSession(item, site, session -> {
            String remote = item.source.path();
            Representation repr = session.settings().representationFor(remote);
            FileFacts source = sourceFacts(item, session, repr);
            Path target = Path.of(item.target.path());
            boolean resume = true;
            if (Files.exists(target)) {
                Path existingPath = target;
                FileFacts existing = new FileFacts(Files.size(target), Files.getLastModifiedTime(target).toInstant());
                ConflictResolution r = conflicts.resolve(new ConflictQuestion(item.direction, remote, target.toString(),
                        source, existing), name -> Files.exists(existingPath.resolveSibling(name)));
                if (r instanceof ConflictResolution.Skip s) {
                    return new Outcome.Skipped(s.reason());
                }
                if (r instanceof ConflictResolution.Write w) {
                    // Same name: replace (start over); another name: the rename strategy chose a free one.
                    resume = !w.targetName().equals(target.getFileName().toString());
                    target = target.resolveSibling(w.targetName());
                }
            }
            if (!repr.allowsRestart()) {
                resume = false;
            }
            try (PartialDownload partial = PartialDownload.open(target, resume)) {
                long offset = partial.resumeOffset();
                if (source.sizeKnown() && offset > source.size()) {
                    partial.close();
                    return restartFromZero(item, target, "the partial file was larger than the source; starting over");
                }
                if (item.stopRequest != null) {
                    return new Outcome.Stopped();
                }
                if (!source.sizeKnown() || offset < source.size() || offset == 0) {
                    session.retrieve(remote, partial.stream(), offset, runner.tracker(item, offset, site, session));
                }
                long got = partial.size();
                item.bytesDone = got;
                if (source.sizeKnown() && got != source.size()) {
                    partial.close();
                    return restartFromZero(item, target, "size check failed: " + got
                            + " bytes arrived, the server lists " + source.size() + "; starting over");
                }
                java.util.Optional<String> bad = ChecksumVerifier.mismatch(session, remote, partial.partialPath());
                if (bad.isPresent()) {
                    partial.close();
                    return restartFromZero(item, target, bad.get());
                }
                partial.commit(durable);
            }
            keepTimestamp(target, source.modified());
            return new Outcome.Completed();
        });
    }

    private FileFacts sourceFacts(TransferItem item, FtpSession session, Representation repr) throws FtpException {
        long size = item.sourceFacts != null && item.sourceFacts.size() >= 0 && repr.isBinary()
                ? item.sourceFacts.size() : -1;
        Instant modified = item.sourceFacts != null ? item.sourceFacts.modified() : null;
        if (size < 0 && repr.isBinary() && session.features().has("SIZE")) {
            try {
                size = session.size(item.source.path());
            } catch (FtpRefusedException e) {
                if (e.reply().code() != 550) {
                    throw e;
                }
                throw new FtpRefusedException("cannot download " + item.source.path() + ": " + e.reply().oneLine(),
                        e.command(), e.reply());
            }
        }
        if (modified == null && session.features().has("MDTM")) {
            try {
                modified = session.modificationTime(item.source.path());
            } catch (FtpRefusedException e) {
                modified = null;
            }
        }
        item.size = size;
        return new FileFacts(size, modified);
    }

    /** A partial file larger than the source cannot be resumed; it is discarded and the next attempt starts over. */
    private static Outcome restartFromZero(TransferItem item, Path target, String reason) throws IOException {
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + PartialDownload.SUFFIX));
        item.bytesDone = 0;
        return new Outcome.Failed(reason, true);
    }

    private static void keepTimestamp(Path target, Instant modified) {
        if (modified == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(target, FileTime.from(modified));
        } catch (IOException e) {
            // The file is complete; a timestamp we cannot set is not worth failing for.
        }
    }
}
