package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.transfer.conflict.FileFacts;

/**
 * Gives a file written under its temporary name its final name (a rename), with the checks around that
 * uploads and server-to-server copies share, and the remote look-ups they use to tell what is there.
 */
final class IntoPlace {

    private final RunContext run;
    private final TempNames tempNames;

    IntoPlace(RunContext run, TempNames tempNames) {
        this.run = run;
        this.tempNames = tempNames;
    }

    /** What became of the temporary file: renamed, or to be sent again directly, or the upload ends here. */
    record Move(Outcome ended, boolean sendDirectly, boolean timeKept) {
        static final Move IN_PLACE = new Move(null, false, false);
        static final Move IN_PLACE_TIME_KEPT = new Move(null, false, true);
        static final Move SEND_DIRECTLY = new Move(null, true, false);

        Move(Outcome ended, boolean sendDirectly) {
            this(ended, sendDirectly, false);
        }
    }

    /** A rename's refusal (null when it went through), and whether the file's time was set on the way. */
    private record Renamed(SessionException refused, boolean timeKept) {
    }

    /**
     * Renames the temporary name to the final one. Replaces an existing file only when the conflict decision said
     * so; where the server refuses to rename onto a file (OpenSSH always does), deletes it first. Where the server
     * refuses renaming at all, the site uploads directly from now on: the item's own target becomes the final
     * name with nothing written, for the caller to send again.
     */
    Move move(TransferItem item, RemoteSession session, OwnTarget own) throws SessionException {
        return move(item, session, own, session.sizeStatus(own.finalPath()), null);
    }

    /**
     * As {@link #move(TransferItem, RemoteSession, OwnTarget)}, with what the final name holds already asked; with
     * {@code keepTime}, the file's time is set with the rename where that is free ({@link Move#timeKept()}).
     */
    Move move(TransferItem item, RemoteSession session, OwnTarget own, RemoteFileStatus atFinalName,
              java.time.Instant keepTime) throws SessionException {
        SiteRef site = item.target.site();
        boolean exists = atFinalName instanceof RemoteFileStatus.Present;
        if (exists && !own.existedBefore()) {
            return new Move(new Outcome.Failed(own.finalPath() + " appeared on the server meanwhile; the new file "
                    + "is kept as " + own.path(), false), false);
        }
        Renamed first = rename(item, session, own, keepTime);
        if (first.refused() == null) {
            return first.timeKept() ? Move.IN_PLACE_TIME_KEPT : Move.IN_PLACE;
        }
        SessionException refused = first.refused();
        if (exists && permanent(refused)) {
            session.note(site.name() + " refused to rename onto an existing file (" + said(refused)
                    + "); deleted " + own.finalPath() + " first");
            session.delete(own.finalPath());
            refused = rename(item, session, own, null).refused();
            if (refused == null) {
                return Move.IN_PLACE;
            }
        }
        if (!permanent(refused)) {
            return new Move(new Outcome.Failed("cannot rename " + own.path() + " to " + own.finalPath() + " ("
                    + said(refused) + ")", true), false);
        }
        tempNames.renameRefused(site);
        session.note(site.name() + " refused to rename " + own.path() + " (" + said(refused)
                + "); uploading directly to " + site.name() + " for the rest of this run");
        deleteQuietly(session, own.path());
        run.recordOwnTarget(own.at(own.finalPath()).withWritten(0));
        return Move.SEND_DIRECTLY;
    }

    /**
     * Size and time of the remote file (either may be unknown), or null when it does not exist or the server
     * cannot tell (then the session's log says so).
     */
    static FileFacts remoteFacts(RemoteSession session, String remote) throws SessionException {
        RemoteFileStatus status = session.status(remote);
        if (status instanceof RemoteFileStatus.Unknown u) {
            session.note("could not check whether " + remote + " exists: " + u.why());
        }
        return status instanceof RemoteFileStatus.Present p ? new FileFacts(p.size(), p.modified()) : null;
    }

    static boolean exists(RemoteSession session, String remote) {
        try {
            return !(session.sizeStatus(remote) instanceof RemoteFileStatus.Absent);
        } catch (SessionException e) {
            return true;
        }
    }

    /** The stored size, or -1 when the file is not there or its size cannot be told. */
    static long sizeOrMinus(RemoteSession session, String path) {
        try {
            return session.sizeStatus(path) instanceof RemoteFileStatus.Present p ? p.size() : -1;
        } catch (SessionException e) {
            return -1;
        }
    }

    /** Best effort: what is left is under a temporary name, or is overwritten by the next attempt. */
    static void deleteQuietly(RemoteSession session, String path) {
        try {
            session.delete(path);
        } catch (SessionException e) {
            session.note("could not delete " + path + ": " + e.getMessage());
        }
    }

    /**
     * Where the item's file is when its temporary name is gone: a cut between RNTO and its reply leaves the
     * rename done without the item knowing. A file of the source's size under the final name that was not
     * there before (or is not what was there) is then the item's own, not someone else's to conflict with.
     */
    static OwnTarget renamedUnseen(RemoteSession session, OwnTarget own, long sourceSize) throws SessionException {
        if (own.path().equals(own.finalPath()) || sourceSize < 0 || sizeOrMinus(session, own.path()) >= 0) {
            return own;
        }
        FileFacts there = remoteFacts(session, own.finalPath());
        boolean ours = there != null && there.size() == sourceSize && (!own.existedBefore()
                || there.size() != own.sizeBefore() || !java.util.Objects.equals(there.modified(), own.timeBefore()));
        if (ours) {
            session.note(own.path() + " is gone and " + own.finalPath() + " has all " + sourceSize
                    + " bytes: this item's own rename went through before the connection was lost");
        }
        return ours ? own.at(own.finalPath()) : own;
    }

    /** Renames {@code own.path()} to its final name and records that; says how, or what the server refused. */
    private Renamed rename(TransferItem item, RemoteSession session, OwnTarget own, java.time.Instant keepTime)
            throws SessionException {
        boolean timeKept = false;
        try {
            if (keepTime != null) {
                timeKept = session.renameKeepingTime(own.path(), own.finalPath(), keepTime);
            } else {
                session.rename(own.path(), own.finalPath());
            }
        } catch (SessionException e) {
            if (!refusal(e)) {
                throw e;
            }
            return new Renamed(e, false);
        }
        run.recordOwnTarget(own.at(own.finalPath()));
        return new Renamed(null, timeKept);
    }

    /** The server said no and the session is still in step: an FTP reply, or an SFTP status. */
    private static boolean refusal(SessionException e) {
        return e instanceof FtpRefusedException || !e.isConnectionBroken();
    }

    /** A refusal that asking again will not change: FTP's 5yz; every SFTP status is final. */
    private static boolean permanent(SessionException refused) {
        return !(refused instanceof FtpRefusedException f) || f.reply().code() >= 500;
    }

    /** What the server said, in one line. */
    private static String said(SessionException refused) {
        return refused instanceof FtpRefusedException f ? f.reply().oneLine() : refused.getMessage();
    }

    /** How a copy ended, and whether the file's time was set with its rename. */
    record Settled(Outcome outcome, boolean timeKept) {
    }

    /**
     * For a copy that went to {@code own.path()}: done when the stored size is {@code size} (where both are
     * known) and the file is under its final name. A copy whose site cannot rename fails here, to be copied
     * again directly; a short one is deleted, so no bad file stays behind.
     */
    Outcome settleCopy(TransferItem item, RemoteSession session, long size) throws SessionException {
        return settleCopy(item, session, size, null).outcome();
    }

    /**
     * As {@link #settleCopy(TransferItem, RemoteSession, long)}; the stored size and whether the final name is still
     * free are asked together, and with {@code keepTime} the file's time is set with the rename where that is free
     * ({@link Settled#timeKept()}).
     */
    Settled settleCopy(TransferItem item, RemoteSession session, long size, java.time.Instant keepTime)
            throws SessionException {
        OwnTarget own = item.ownTarget;
        boolean renames = !own.path().equals(own.finalPath());
        RemoteFileStatus stored = null;
        RemoteFileStatus atFinalName = null;
        if (size >= 0 && renames) {
            java.util.List<RemoteFileStatus> found = session.sizeStatuses(own.path(), own.finalPath());
            stored = found.get(0);
            atFinalName = found.get(1);
        } else if (size >= 0) {
            stored = session.sizeStatus(own.path());
        } else if (renames) {
            atFinalName = session.sizeStatus(own.finalPath());
        }
        if (stored instanceof RemoteFileStatus.Absent) {
            throw new SessionException("the server has no file " + own.path(), true);
        }
        if (stored instanceof RemoteFileStatus.Present p && p.size() >= 0 && p.size() != size) {
            deleteQuietly(session, own.path());
            return new Settled(new Outcome.Failed("size check failed: " + item.target.site().name() + " has "
                    + p.size() + " of " + size + " bytes", true), false);
        }
        if (!renames) {
            return new Settled(new Outcome.Completed(), false);
        }
        Move move = move(item, session, own, atFinalName, keepTime);
        if (move.ended() != null) {
            return new Settled(move.ended(), false);
        }
        return new Settled(move.sendDirectly() ? new Outcome.Failed(item.target.site().name() + " cannot rename; "
                + "copying again straight to " + own.finalPath(), true) : new Outcome.Completed(), move.timeKept());
    }
}
