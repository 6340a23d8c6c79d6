package org.ferryftp.transfer;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.PartialOrigin;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Features;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.TransferForm;
import org.ferryftp.transfer.conflict.ConflictChoice;
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
 * Downloads one file: applies the conflict policy when the target exists, writes to a locked partial
 * file that resumes at its size (FTP's REST, an SFTP read at that offset) where the transfer form allows and the
 * partial came from this same remote file, checks the size, and only then puts the file under its name.
 */
final class FileDownloader {

    private final SiteConnections connections;
    private final RunContext run;
    private final ConflictPolicy conflicts;
    private final boolean durable;

    FileDownloader(SiteConnections connections, RunContext run, ConflictPolicy conflicts, boolean durable) {
        this.connections = connections;
        this.run = run;
        this.conflicts = conflicts;
        this.durable = durable;
    }

    Outcome download(TransferItem item) throws Exception {
        SiteRef site = item.source.site();
        return connections.withSession(run, site, session -> {
            String remote = item.source.path();
            TransferForm form = TransferForm.of(session, remote);
            Path target = Path.of(item.target.path());
            boolean partialWaits = hasBytes(PartialDownload.partialOf(target));
            boolean targetExists = target.toFile().exists(); // no exception made for the usual "not there"
            // The exact time is needed before the data only to compare: with a partial to continue, a target in
            // the way, or a file Ferry may have finished before it stopped. Otherwise it comes with the data.
            boolean timeBeforeData = partialWaits || targetExists || item.runningWhenFerryStopped;
            FileFacts source = sourceFacts(item, session, form, partialWaits, timeBeforeData);
            boolean timeWithData = !timeBeforeData && needsExactTime(item, source, session);
            PartialDownload.Resume resume = conflicts.choiceWithoutAsking(item.direction)
                    .filter(c -> c == ConflictChoice.RESUME).isPresent()
                    ? PartialDownload.Resume.ASKED : PartialDownload.Resume.SAME_ORIGIN;
            if (item.runningWhenFerryStopped && finishedBeforeFerryStopped(target, source)) {
                // Its own finished file, put in place just before the journal could say so: not a conflict.
                item.bytesDone = source.size();
                item.note = "the file was already complete when Ferry stopped";
                return new Outcome.Completed();
            }
            if (targetExists) {
                Path existingPath = target;
                FileFacts existing = new FileFacts(Files.size(target), Files.getLastModifiedTime(target).toInstant());
                ConflictResolution r = conflicts.resolve(new ConflictQuestion(item.direction, remote, target.toString(),
                        source, existing), name -> Files.exists(existingPath.resolveSibling(name)));
                if (r instanceof ConflictResolution.Skip s) {
                    return new Outcome.Skipped(s.reason());
                }
                if (r instanceof ConflictResolution.Write w) {
                    // Same name: replace (start over); another name: the rename strategy chose a free one.
                    if (w.targetName().equals(target.getFileName().toString())) {
                        resume = PartialDownload.Resume.NEVER;
                    } else {
                        target = target.resolveSibling(w.targetName());
                    }
                } else if (r instanceof ConflictResolution.Resume) {
                    resume = PartialDownload.Resume.ASKED;
                }
            }
            if (!form.restartable()) {
                resume = PartialDownload.Resume.NEVER;
            }
            PartialOrigin origin = PartialOrigin.of(site, remote, source.size(), source.modified());
            Instant[] told = {null};
            try (PartialDownload partial = openPartial(item, target, origin, resume)) {
                String cannotResume = item.note;
                partial.startedOverBecause().ifPresent(why -> item.note = cannotResume != null ? cannotResume : why);
                long offset = partial.resumeOffset();
                if (item.stopRequest != null) {
                    return new Outcome.Stopped();
                }
                if (!source.sizeKnown() || offset < source.size() || offset == 0) {
                    try {
                        if (timeWithData) {
                            session.downloadTellingTime(remote, partial.stream(), offset,
                                    connections.tracker(run, offset, site, session), time -> {
                                        if (time != null) {
                                            told[0] = time;
                                            partial.cameFrom(PartialOrigin.of(site, remote, source.size(), time));
                                        }
                                    });
                        } else {
                            session.download(remote, partial.stream(), offset,
                                    connections.tracker(run, offset, site, session));
                        }
                    } catch (FtpRefusedException e) {
                        if (offset > 0 && e.command() != null && e.command().startsWith("REST")) {
                            // REST is tried even where FEAT does not list it (many servers have it anyway).
                            item.note = "the server cannot resume (" + e.reply().oneLine() + "); starting over";
                            return restartFromZero(item, partial, item.note);
                        }
                        throw e;
                    } catch (IOException e) {
                        // What is on disk, not what came off the wire (a failed write loses up to a buffer).
                        item.bytesDone = bytesIn(partial.partialPath(), item.bytesDone);
                        if (RetryPolicy.isDiskFull(e)) {
                            throw diskFull(item, remote, partial.partialPath(), item.bytesDone, e);
                        }
                        throw e;
                    }
                }
                long got = partial.size();
                item.bytesDone = got;
                if (source.sizeKnown() && got != source.size()) {
                    return restartFromZero(item, partial, "size check failed: " + got
                            + " bytes arrived, the server lists " + source.size() + "; starting over");
                }
                java.util.Optional<String> bad = ChecksumVerifier.mismatch(session, remote, partial.partialPath());
                if (bad.isPresent()) {
                    return restartFromZero(item, partial, bad.get());
                }
                partial.commit(durable);
            }
            if (site.options().keepTimes()) {
                keepTimestamp(target, told[0] != null ? told[0] : source.modified());
            }
            return new Outcome.Completed();
        });
    }

    private static boolean hasBytes(Path file) {
        // None there is the usual case, told without an exception (Files.size makes one per missing file); other
        // trouble shows when the partial is opened.
        return file.toFile().length() > 0;
    }

    /** The size of {@code file}, or {@code otherwise} when it cannot be read (e.g. it is not there). */
    private static long bytesIn(Path file, long otherwise) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return otherwise;
        }
    }

    /** Locks the partial file and decides where to start; a disk too full even for that is reported as such. */
    private static PartialDownload openPartial(TransferItem item, Path target, PartialOrigin origin,
                                               PartialDownload.Resume resume) throws IOException {
        try {
            return PartialDownload.open(target, origin, resume);
        } catch (IOException e) {
            if (RetryPolicy.isDiskFull(e)) {
                Path partial = PartialDownload.partialOf(target);
                throw diskFull(item, origin.path(), partial, bytesIn(partial, 0), e);
            }
            throw e;
        }
    }

    /**
     * A full disk is not retried (it stays full): the user learns how far it got and where the bytes are,
     * which are kept with their origin so that a resume after freeing space continues them.
     */
    private static IOException diskFull(TransferItem item, String remote, Path partial, long written, IOException cause) {
        item.bytesDone = written;
        return new IOException("the local disk is full: " + written + " bytes of " + remote + " were written to "
                + partial + ", which is kept; free space and re-run with --resume", cause);
    }

    /**
     * Size and time of the source: from the listing the item came from when it has them, else SIZE and MDTM
     * (SFTP: a stat). With a partial file waiting to be continued, the size is asked afresh even so: the file
     * may have changed since it was listed (perhaps before a restart), and its partial must not be continued then.
     */
    private FileFacts sourceFacts(TransferItem item, RemoteSession session, TransferForm form, boolean partialWaits,
                                  boolean timeBeforeData) throws SessionException {
        boolean comparable = form.sameSizeOnBothSides();
        boolean tellsSize = tells(session, "SIZE");
        long listed = item.listedSize >= 0 && comparable ? item.listedSize : -1;
        long size = partialWaits && tellsSize ? -1 : listed;
        Instant modified = item.listedTime;
        if (size < 0 && comparable && tellsSize) {
            try {
                size = session.size(item.source.path());
            } catch (FtpRefusedException e) {
                tellsSize = tells(session, "SIZE"); // a 500/502 takes SIZE off the server's features
                if (tellsSize) { // refused for this file, not as not implemented
                    throw sizeRefused(item, session, e);
                }
            }
        }
        if (size < 0 && comparable && !tellsSize && !item.listed) {
            // No SIZE: the listing of the parent directory tells the size, where it tells anything.
            if (session.status(item.source.path()) instanceof RemoteFileStatus.Present p) {
                size = p.size();
                modified = modified != null ? modified : p.modified();
            }
        }
        // A LIST line's time is cut to the minute, or the day for older files (vsftpd): the file would keep that.
        if (timeBeforeData && needsExactTime(item, new FileFacts(size, modified), session)) {
            try {
                Instant exact = session.modificationTime(item.source.path());
                modified = exact != null ? exact : modified;
            } catch (FtpRefusedException e) {
                // keep what the listing said, if anything
            }
        }
        item.size = size;
        return new FileFacts(size, modified);
    }

    /** Whether the time known of the source is too coarse to keep (or none), and the server can tell it exactly. */
    private static boolean needsExactTime(TransferItem item, FileFacts source, RemoteSession session) {
        return (source.modified() == null || !item.listedTimeToTheSecond) && tells(session, "MDTM");
    }

    /**
     * Whether the server answers {@code command} (SIZE, MDTM) for one file: an FTP server says so in FEAT; SFTP's
     * stat always tells size and time.
     */
    private static boolean tells(RemoteSession session, String command) {
        return session.feature(Features.class).map(f -> f.has(command)).orElse(true);
    }

    private static FtpRefusedException sizeRefused(TransferItem item, RemoteSession session, FtpRefusedException e) {
        if (e.reply().code() != 550) {
            return e;
        }
        if (isDirectory(session, item.source.path())) {
            return new FtpRefusedException(item.source.path() + " is a directory; use -r", e.command(), e.reply());
        }
        return new FtpRefusedException("cannot download " + item.source.path() + ": " + e.reply().oneLine(),
                e.command(), e.reply());
    }

    /** A partial file that failed its check cannot be continued; it is discarded and the next attempt starts over. */
    private static Outcome restartFromZero(TransferItem item, PartialDownload partial, String reason) throws IOException {
        partial.discard();
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

    /**
     * The target has the source's size and modification time, as this item leaves a finished download
     * (the time is set from the server's); without both facts nothing can be told, so it is not assumed.
     */
    private static boolean finishedBeforeFerryStopped(Path target, FileFacts source) throws IOException {
        if (!source.sizeKnown() || source.modified() == null || !Files.isRegularFile(target)) {
            return false;
        }
        long seconds = Files.getLastModifiedTime(target).toInstant().getEpochSecond();
        return Files.size(target) == source.size() && seconds == source.modified().getEpochSecond();
    }

    /** Asked only after SIZE was refused, so a file costs nothing extra. */
    private static boolean isDirectory(RemoteSession session, String path) {
        try {
            return session.isDirectory(path);
        } catch (SessionException e) {
            return false;
        }
    }
}
