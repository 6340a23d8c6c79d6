package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.TransferForm;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.ConflictResolution;
import org.ferryftp.transfer.conflict.FileFacts;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Uploads one file so that it is under its name only when complete and checked: to {@code NAME.ferry-part}
 * (where the site allows), then renamed. Asks the conflict policy about an existing target once; the
 * item's own earlier attempts ({@link OwnTarget}) are continued (at an offset: FTP's REST, or APPE without REST
 * STREAM; SFTP writes there) or overwritten, never taken for a conflict. Done means the stored size (SIZE, MLST,
 * SFTP's stat) equals the local size, and the server's checksum matches where it offers one. Keeps the
 * modification time (MFMT or MDTM, SFTP's SETSTAT) when it can and the site wants it.
 */
final class FileUploader {

    private final SiteConnections connections;
    private final RunContext run;
    private final ConflictPolicy conflicts;
    private final TempNames tempNames;
    private final TimeNotices times;
    private final IntoPlace intoPlace;
    private final NewDirectories newDirectories;

    FileUploader(SiteConnections connections, RunContext run, ConflictPolicy conflicts, TempNames tempNames,
                 TimeNotices times, NewDirectories newDirectories) {
        this.times = times;
        this.newDirectories = newDirectories;
        this.connections = connections;
        this.run = run;
        this.conflicts = conflicts;
        this.tempNames = tempNames;
        this.intoPlace = new IntoPlace(run, tempNames);
    }

    /** The file being uploaded, as it was when this attempt started. */
    private record Source(Path path, long size, Instant time) {
    }

    Outcome upload(TransferItem item) throws Exception {
        SiteRef site = item.target.site();
        Path local = Path.of(item.source.path());
        // Milliseconds, as the journal keeps them: a restart must see the same time for an unchanged file.
        BasicFileAttributes attributes = Files.readAttributes(local, BasicFileAttributes.class);
        Source source = new Source(local, attributes.size(),
                attributes.lastModifiedTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        item.size = source.size();
        return connections.withSession(run, site, session -> {
            TransferForm form = TransferForm.of(session, item.target.path());
            Outcome early = item.ownTarget != null ? continuing(item, session, source, form)
                    : firstAttempt(item, session, source, form);
            if (early != null) {
                return early;
            }
            if (item.stopRequest != null) {
                return new Outcome.Stopped();
            }
            return sendAndSettle(item, session, source, form);
        });
    }

    /** Settles conflicts with an existing target and records where this item writes; an outcome ends it early. */
    private Outcome firstAttempt(TransferItem item, RemoteSession session, Source source, TransferForm form)
            throws Exception {
        String wanted = item.target.path();
        String finalPath = wanted;
        FileFacts before = null;
        Long resumeAt = null;
        boolean viaTemp = tempNames.use(item.target.site());
        // In a directory its parent just created, nothing can be in the way yet; a file someone else puts there
        // meanwhile is found before the rename, which needs the temporary name.
        boolean nothingThere = viaTemp && newDirectories.isInNew(item);
        FileFacts existing = nothingThere ? null : IntoPlace.remoteFacts(session, wanted);
        if (existing != null) {
            ConflictResolution r = conflicts.resolve(new ConflictQuestion(item.direction, source.path().toString(),
                    wanted, new FileFacts(source.size(), source.time()), existing),
                    name -> IntoPlace.exists(session, sibling(wanted, name)));
            if (r instanceof ConflictResolution.Skip s) {
                return new Outcome.Skipped(s.reason());
            }
            if (r instanceof ConflictResolution.Write w) {
                finalPath = sibling(wanted, w.targetName());
                before = finalPath.equals(wanted) ? existing : null;
            } else if (r instanceof ConflictResolution.Resume res) {
                if (!form.restartable()) {
                    return new Outcome.Failed("cannot resume in " + form.description() + "; choose overwrite", false);
                }
                resumeAt = res.offset();
                before = existing;
            }
        }
        String temp = TempNames.of(finalPath);
        // Resuming continues the temporary file an earlier run left, when it can still be a prefix.
        long part = !nothingThere && viaTemp && form.restartable()
                && (resumeAt != null || conflicts.resumes(item.direction))
                ? IntoPlace.sizeOrMinus(session, temp) : -1;
        String path;
        long offset;
        if (part > 0 && part <= source.size()) {
            path = temp;
            offset = part;
        } else if (resumeAt != null) {
            path = finalPath; // a partial a direct upload left under the final name
            offset = resumeAt;
        } else {
            path = viaTemp ? temp : finalPath;
            offset = 0;
        }
        run.recordOwnTarget(new OwnTarget(path, finalPath, before == null ? -1 : before.size(),
                before == null ? null : before.modified(), source.size(), source.time(), offset));
        return null;
    }

    /**
     * An earlier attempt of this item wrote {@link OwnTarget#path()}: continue it when the sizes agree and
     * the local file is unchanged, else overwrite it. Never a conflict.
     */
    private Outcome continuing(TransferItem item, RemoteSession session, Source source, TransferForm form)
            throws SessionException {
        OwnTarget own = item.ownTarget;
        if (!tempNames.use(item.target.site()) && own.path().equals(TempNames.of(own.finalPath()))) {
            // The site refused a rename since: this attempt goes straight to the final name.
            IntoPlace.deleteQuietly(session, own.path());
            own = own.at(own.finalPath());
        }
        own = IntoPlace.renamedUnseen(session, own, source.size());
        long remote = IntoPlace.sizeOrMinus(session, own.path());
        boolean agree = remote > 0 && remote <= source.size() && own.sameSource(source.size(), source.time())
                && form.restartable();
        long offset = agree ? remote : 0;
        session.note("this item's own earlier attempt left " + own.path() + (remote < 0 ? " absent" : " with "
                + remote + " bytes") + (agree ? "; continuing it" : "; writing it again from the start"));
        run.recordOwnTarget(new OwnTarget(own.path(), own.finalPath(), own.sizeBefore(), own.timeBefore(),
                source.size(), source.time(), offset));
        return null;
    }

    private Outcome sendAndSettle(TransferItem item, RemoteSession session, Source source, TransferForm form)
            throws Exception {
        OwnTarget own = item.ownTarget;
        long offset = own.written();
        long sent;
        try {
            sent = send(item, session, source, own.path(), offset);
        } catch (FtpRefusedException e) {
            if (offset == 0 || e.isConnectionBroken() || !e.reply().isNotImplemented()) {
                throw e;
            }
            // Neither REST nor APPE here (the one this attempt needed): the next attempt writes it all.
            item.note = "the server cannot resume (" + e.reply().oneLine() + "); starting over";
            session.note(own.path() + ": " + item.note);
            item.bytesDone = 0;
            IntoPlace.deleteQuietly(session, own.path()); // else the next attempt would try to continue it again
            run.recordOwnTarget(item.ownTarget.withWritten(0));
            return new Outcome.Failed(item.note, true);
        }
        if (form.binary() && offset + sent != source.size()) {
            return new Outcome.Failed("the local file changed during the upload (" + (offset + sent) + " of "
                    + source.size() + " bytes sent); starting over", true);
        }
        boolean renames = !own.path().equals(own.finalPath());
        RemoteFileStatus atFinalName = null;
        if (form.sameSizeOnBothSides()) {
            // The stored size, and whether the final name is free for the rename, asked together.
            List<RemoteFileStatus> found = renames ? session.sizeStatuses(own.path(), own.finalPath())
                    : List.of(session.sizeStatus(own.path()));
            RemoteFileStatus stored = found.get(0);
            atFinalName = renames ? found.get(1) : null;
            if (stored instanceof RemoteFileStatus.Absent) {
                return new Outcome.Failed("the server does not list " + own.path() + " after the upload", true);
            }
            long storedSize = stored instanceof RemoteFileStatus.Present p ? p.size() : -1;
            if (storedSize >= 0 && storedSize != source.size()) {
                return new Outcome.Failed("size check failed: the server has " + storedSize + " of "
                        + source.size() + " bytes", true);
            }
            if (storedSize < 0) {
                // RFC 959 alone cannot tell a stored size: the 226 and the count sent are all there is.
                item.note = "not checked on the server, which reports no sizes; its 226 and the " + (offset + sent)
                        + " bytes sent are trusted";
                session.note(own.path() + ": " + item.note);
            }
        }
        boolean keepTime = item.target.site().options().keepTimes();
        boolean timeKept = false;
        if (renames) {
            IntoPlace.Move move = intoPlace.move(item, session, own, atFinalName != null ? atFinalName
                    : session.sizeStatus(own.finalPath()), keepTime ? source.time() : null);
            if (move.ended() != null) {
                return move.ended();
            }
            if (move.sendDirectly()) {
                return sendAndSettle(item, session, source, form);
            }
            timeKept = move.timeKept();
        }
        String finalPath = own.finalPath();
        Optional<String> bad = ChecksumVerifier.mismatch(session, finalPath, source.path());
        if (bad.isPresent()) {
            // A bad file never stays under its name; the retry writes it again.
            IntoPlace.deleteQuietly(session, finalPath);
            String next = tempNames.use(item.target.site()) ? TempNames.of(finalPath) : finalPath;
            run.recordOwnTarget(item.ownTarget.at(next).withWritten(0));
            return new Outcome.Failed(bad.get(), true);
        }
        if (keepTime && !timeKept) {
            times.keepTime(item.target.site(), session, finalPath, source.time());
        }
        return new Outcome.Completed();
    }

    /** Sends the file from {@code offset} (nothing when that is all of it); returns the bytes sent. */
    private long send(TransferItem item, RemoteSession session, Source source, String path, long offset)
            throws Exception {
        if (offset > 0 && offset >= source.size()) {
            return 0;
        }
        SiteRef site = item.target.site();
        try (InputStream in = Files.newInputStream(source.path())) {
            return session.upload(path, in, offset, connections.tracker(run, offset, site, session));
        } finally {
            run.recordOwnTarget(item.ownTarget.withWritten(Math.max(offset, item.bytesDone)));
        }
    }

    private static String sibling(String remote, String name) {
        return RemotePaths.join(RemotePaths.parent(remote), name);
    }
}
