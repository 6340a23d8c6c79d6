package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.HostPort;
import org.ferryftp.ftp.PendingStatus;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.ftp.ServerToServer;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.ConflictResolution;
import org.ferryftp.transfer.conflict.FileFacts;

import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.SessionException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies one file from site A to site B directly (FXP, RFC 959 figure 2): PASV on one server, PORT
 * with that address on the other, then STOR and RETR. No data passes through Ferry. When the first
 * arrangement is refused, the roles are swapped once; the error then says which server refused and
 * why that usually happens. The copy goes to a temporary name where the target site allows, renamed when
 * complete; a copy that fails or is refused deletes what it wrote (unless that replaced a file the conflict
 * decision let it overwrite), and a later attempt of the item never takes its own leftover for a conflict.
 * Only sessions that both offer {@link ServerToServer} (FTP) can copy directly; a copy from or to an SFTP site
 * is relayed through Ferry, with the same conflict handling, offsets and size check.
 */
final class FxpCopier {

    static final String WHY_REFUSED = "FXP is probably disabled there (vsftpd pasv_promiscuous/port_promiscuous, "
            + "ProFTPD AllowForeignAddress, pure-ftpd AllowUserFXP)";

    private final SiteConnections connections;
    private final RunContext run;
    private final ConflictPolicy conflicts;
    private final RelayPolicy relay;
    private final SiteToSite siteToSite;
    private final TempNames tempNames;
    private final TimeNotices times;
    private final IntoPlace intoPlace;

    FxpCopier(SiteConnections connections, RunContext run, ConflictPolicy conflicts, RelayPolicy relay, SiteToSite siteToSite,
              TempNames tempNames, TimeNotices times) {
        this.connections = connections;
        this.run = run;
        this.conflicts = conflicts;
        this.relay = relay;
        this.siteToSite = siteToSite;
        this.tempNames = tempNames;
        this.times = times;
        this.intoPlace = new IntoPlace(run, tempNames);
    }

    /** Whether the policy lets this copy pass through Ferry now (asking the user for {@link RelayPolicy#ASK}). */
    private boolean mayRelay(TransferItem item, String why) throws InterruptedException {
        return switch (relay) {
            case NEVER -> false;
            case FALLBACK, ALWAYS -> true;
            case ASK -> siteToSite.asker().mayRelay(item.source.site().name(), item.target.site().name(), why);
        };
    }

    /** Which server may listen: either, or (secure FXP through CPSV) only the one that offers CPSV. */
    private enum Listeners { EITHER, SOURCE_ONLY, TARGET_ONLY }

    /**
     * What to do after the conflict check: write to {@code target} from {@code offset}, or finish early;
     * {@code relayOnly} when a direct copy cannot work (a side without FXP, TLS on the data connections).
     */
    private record Plan(String target, long offset, long size, Instant sourceTime, Outcome early, boolean relayOnly,
                        Listeners listeners) {

        Plan(String target, long offset, long size, Instant sourceTime, Outcome early) {
            this(target, offset, size, sourceTime, early, false, Listeners.EITHER);
        }

        Plan relaying() {
            return new Plan(target, offset, size, sourceTime, early, true, listeners);
        }

        Plan listening(Listeners l) {
            return new Plan(target, offset, size, sourceTime, early, relayOnly, l);
        }
    }

    /** How a planned copy ended, and whether the file got the source's time on the way (with its rename). */
    private record Copied(Outcome outcome, boolean timeKept) {
    }

    Outcome copy(TransferItem item) throws Exception {
        SiteRef a = item.source.site();
        SiteRef b = item.target.site();
        Plan plan = connections.withTwoSessions(run, a, b, (src, dst) -> plan(item, src, dst));
        if (plan.early() != null) {
            return plan.early();
        }
        item.size = plan.size();
        Instant time = b.options().keepTimes() ? timeToKeep(item, plan) : null;
        Copied done;
        try {
            done = copyPlanned(item, plan, time);
        } catch (Exception e) {
            removeLeftover(item);
            throw e;
        }
        if (done.outcome() instanceof Outcome.Completed && time != null && !done.timeKept()) {
            try {
                keepTime(item, time);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // The copy is complete and checked; a time not set (a server gone meanwhile) does not undo it.
            }
        }
        return done.outcome();
    }

    /**
     * The time the copy is to keep, as an upload keeps the local file's: else the target's is the copy's own, newer
     * than the source, and every later mirror copies the file again. The source's time to the second: the listing's
     * where it gave seconds (MLSD), else what the plan asked (MDTM), else the minute or day a LIST line gave, which
     * is better than the copy's own. Null when nothing told one.
     */
    private static Instant timeToKeep(TransferItem item, Plan plan) {
        if (item.listedTimeToTheSecond && item.listedTime != null) {
            return item.listedTime;
        }
        return plan.sourceTime() != null ? plan.sourceTime() : item.listedTime;
    }

    /** Whether the source's time is to be asked with its size: the target keeps times, and no listing gave seconds. */
    private static boolean asksSourceTime(TransferItem item) {
        return item.target.site().options().keepTimes() && !(item.listedTimeToTheSecond && item.listedTime != null);
    }

    /** Sets the copy's time where its rename did not. */
    private void keepTime(TransferItem item, Instant time) throws Exception {
        OwnTarget own = item.ownTarget;
        String target = own != null ? own.finalPath() : item.target.path();
        connections.withSession(run, item.target.site(), dst -> times.keepTime(item.target.site(), dst, target, time));
    }

    private Copied copyPlanned(TransferItem item, Plan plan, Instant time) throws Exception {
        SiteRef a = item.source.site();
        SiteRef b = item.target.site();
        if (relay == RelayPolicy.ALWAYS || plan.relayOnly()) {
            return new Copied(new RelayCopier(connections, run, intoPlace).copy(item, plan.target(), plan.offset(),
                    plan.size()), false);
        }
        // The source site's preference decides who listens first; a refusal swaps the roles (unless
        // only one server can listen: secure FXP through CPSV).
        boolean targetFirst = siteToSite.targetListensFirst(a.id(), b.id());
        List<Boolean> arrangements = switch (plan.listeners()) {
            case EITHER -> List.of(targetFirst, !targetFirst);
            case SOURCE_ONLY -> List.of(false);
            case TARGET_ONLY -> List.of(true);
        };
        List<String> refusals = new ArrayList<>();
        for (boolean targetListens : arrangements) {
            // Each arrangement gets fresh sessions: a refused attempt leaves replies outstanding.
            try {
                IntoPlace.Settled done = connections.withTwoSessions(run, a, b, (src, dst) -> {
                    transfer(src, dst, item.source.path(), plan.target(), plan.offset(), a, b, targetListens,
                            () -> connections.pollTargetSize(run, b, plan.target()));
                    return intoPlace.settleCopy(item, dst, plan.size(), time);
                });
                if (done.outcome() instanceof Outcome.Completed) {
                    item.bytesDone = Math.max(0, plan.size());
                }
                return new Copied(done.outcome(), done.timeKept());
            } catch (FtpRefusedException e) {
                refusals.add(e.getMessage());
            }
        }
        String why = String.join("; with the roles swapped: ", refusals);
        if (mayRelay(item, why)) {
            // The ladder's last step: through Ferry, as the site allows.
            return new Copied(new RelayCopier(connections, run, intoPlace).copy(item, plan.target(), plan.offset(),
                    plan.size()), false);
        }
        throw new org.ferryftp.ftp.FtpSettingException(why + (relay == RelayPolicy.ASK
                ? " (relaying through Ferry was declined)" : " (relaying through Ferry is off for these sites)"));
    }

    private Plan plan(TransferItem item, RemoteSession srcSession, RemoteSession dstSession) throws Exception {
        Optional<ServerToServer> srcFxp = srcSession.feature(ServerToServer.class);
        Optional<ServerToServer> dstFxp = dstSession.feature(ServerToServer.class);
        if (srcFxp.isEmpty() || dstFxp.isEmpty()) {
            // No direct copy to or from this protocol (SFTP): relaying is the way, not a fallback to ask about.
            return conflictPlan(item, dstSession, askOneByOne(item, srcSession, dstSession)).relaying();
        }
        ServerToServer src = srcFxp.get();
        ServerToServer dst = dstFxp.get();
        String name = item.source.path();
        if (!src.representationFor(name).equals(dst.representationFor(name))) {
            return new Plan(null, 0, -1, null, new Outcome.Failed("the two sites use different representations ("
                    + src.representationFor(name).describe() + " and "
                    + dst.representationFor(name).describe()
                    + "); FXP needs the same on both", false));
        }
        String families = addressFamilyProblem(src, dst, item);
        String secure = families == null ? secureFxpProblem(src, dst, item) : null;
        String noDirectCopy = families != null ? families : secure;
        if (noDirectCopy != null && !mayRelay(item, noDirectCopy)) {
            return new Plan(null, 0, -1, null, new Outcome.Failed(noDirectCopy + "; allow relaying through Ferry for "
                    + "these sites" + (secure != null ? ", or set both sites to clear data connections (PROT C)" : ""),
                    false));
        }
        Plan p = conflictPlan(item, dstSession, askTogether(item, src, dst));
        if (noDirectCopy != null && p.early() == null) {
            return p.relaying();
        }
        return p.listening(listeners(src, dst));
    }

    /**
     * What the plan asks of the two servers: the source's status (with its time where the copy is to keep it), and
     * the target's where another file may be in the way (null when the item's own earlier attempt is there). A
     * status the server cannot tell is unknown: the file is then copied unchecked, and nothing is taken to be in
     * the way.
     */
    private record Asked(RemoteFileStatus source, RemoteFileStatus target) {
    }

    /** Asks each server in turn, the way any session can. */
    private static Asked askOneByOne(TransferItem item, RemoteSession src, RemoteSession dst) {
        boolean time = asksSourceTime(item);
        RemoteFileStatus source = orUnknown(() -> time ? src.status(item.source.path())
                : src.sizeStatus(item.source.path()));
        return new Asked(source, item.ownTarget != null ? null : orUnknown(() -> dst.sizeStatus(item.target.path())));
    }

    /** Asks both FTP servers at once, each in one write, so that both answers take one round trip. */
    private static Asked askTogether(TransferItem item, ServerToServer src, ServerToServer dst) throws FtpException {
        PendingStatus source = src.askStatus(item.source.path(), asksSourceTime(item));
        PendingStatus target = item.ownTarget != null ? null : dst.askStatus(item.target.path(), false);
        return new Asked(orUnknown(source::read), target == null ? null : orUnknown(target::read));
    }

    @FunctionalInterface
    private interface StatusQuestion {
        RemoteFileStatus ask() throws SessionException;
    }

    private static RemoteFileStatus orUnknown(StatusQuestion question) {
        try {
            return question.ask();
        } catch (SessionException e) {
            return new RemoteFileStatus.Unknown(e.getMessage());
        }
    }

    private Plan conflictPlan(TransferItem item, RemoteSession dst, Asked asked) throws Exception {
        String target = item.target.path();
        String dir = RemotePaths.parent(target);
        long size = asked.source() instanceof RemoteFileStatus.Present p ? p.size() : -1;
        Instant time = asked.source() instanceof RemoteFileStatus.Present p ? p.modified() : null;
        boolean viaTemp = tempNames.use(item.target.site());
        OwnTarget own = item.ownTarget;
        if (own != null) {
            // This item's own earlier attempt: never a conflict; copied again from the start, unless its
            // rename went through unseen.
            OwnTarget renamed = IntoPlace.renamedUnseen(dst, own, size);
            if (!renamed.path().equals(own.path())) {
                run.recordOwnTarget(renamed);
                item.bytesDone = size;
                return new Plan(null, 0, size, time, new Outcome.Completed());
            }
            String path = !viaTemp && own.path().equals(TempNames.of(own.finalPath())) ? own.finalPath() : own.path();
            run.recordOwnTarget(own.at(path).withWritten(0));
            return new Plan(path, 0, size, time, null);
        }
        long there = asked.target() instanceof RemoteFileStatus.Present p ? p.size() : -1;
        FileFacts existing = new FileFacts(there, null);
        String finalPath = target;
        long sizeBefore = -1;
        long offset = 0;
        if (existing.sizeKnown()) {
            ConflictResolution r = conflicts.resolve(new ConflictQuestion(item.direction, item.source.path(), target,
                    new FileFacts(size, null), existing), name -> sizeOrMinus(dst, RemotePaths.join(dir, name)) >= 0);
            if (r instanceof ConflictResolution.Skip s) {
                return new Plan(null, 0, size, time, new Outcome.Skipped(s.reason()));
            }
            if (r instanceof ConflictResolution.Write w) {
                finalPath = RemotePaths.join(dir, w.targetName());
                sizeBefore = finalPath.equals(target) ? existing.size() : -1;
            } else {
                offset = ((ConflictResolution.Resume) r).offset();
                sizeBefore = existing.size();
            }
        }
        // A resumed copy continues the file where it is; any other goes to the temporary name first.
        String path = offset == 0 && viaTemp ? TempNames.of(finalPath) : finalPath;
        run.recordOwnTarget(new OwnTarget(path, finalPath, sizeBefore, null, size, null, offset));
        return new Plan(path, offset, size, time, null);
    }

    /** After a failure: deletes what this item wrote, unless it replaced a file the conflict decision let it overwrite. */
    private void removeLeftover(TransferItem item) {
        OwnTarget own = item.ownTarget;
        if (own == null || own.path().equals(own.finalPath()) && own.existedBefore()) {
            return;
        }
        try {
            connections.withSession(run, item.target.site(), session -> {
                if (sizeOrMinus(session, own.path()) >= 0) {
                    IntoPlace.deleteQuietly(session, own.path());
                    session.note("removed " + own.path() + ", which the failed copy had created");
                }
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled meanwhile: the caller sees the interrupt
        } catch (Exception e) {
            // The server is gone too: the leftover is this item's own, which its next attempt overwrites.
        }
    }

    /**
     * Which servers may listen. Secure FXP (both PROT P) needs one server to play the TLS client: with
     * SSCN either may listen; with CPSV only, the listener must be one that offers it.
     */
    private static Listeners listeners(ServerToServer retr, ServerToServer stor) {
        if (!retr.protectsData() || retr.offersTlsClientRole() || stor.offersTlsClientRole()) {
            return Listeners.EITHER;
        }
        boolean sourceCan = retr.offersTlsClientListen();
        boolean targetCan = stor.offersTlsClientListen();
        return sourceCan && targetCan ? Listeners.EITHER : sourceCan ? Listeners.SOURCE_ONLY : Listeners.TARGET_ONLY;
    }

    /** Why a direct copy cannot work between an IPv4 and an IPv6 server, or null when both are of one family. */
    private static String addressFamilyProblem(ServerToServer retr, ServerToServer stor, TransferItem item) {
        if (retr.overIpv6() == stor.overIpv6()) {
            return null;
        }
        String v4 = retr.overIpv6() ? item.target.site().name() : item.source.site().name();
        String v6 = retr.overIpv6() ? item.source.site().name() : item.target.site().name();
        return "a direct copy cannot work: " + v4 + " is reached over IPv4 and " + v6 + " over IPv6, and servers of"
                + " different address families cannot connect to each other";
    }

    /**
     * Why a direct copy cannot work when TLS protects data connections, or null when it can. With PROT P
     * both servers would wait for the other to start the TLS handshake, unless one can play the TLS
     * client: SSCN (either role) or CPSV (when it listens).
     */
    private static String secureFxpProblem(ServerToServer retr, ServerToServer stor, TransferItem item) {
        boolean a = retr.protectsData();
        boolean b = stor.protectsData();
        if (!a && !b) {
            return null;
        }
        String sa = item.source.site().name();
        String sb = item.target.site().name();
        if (a != b) {
            return "a direct copy cannot work: " + (a ? sa : sb) + " encrypts data connections (PROT P) and "
                    + (a ? sb : sa) + " does not";
        }
        if (retr.offersTlsClientRole() || stor.offersTlsClientRole()
                || retr.offersTlsClientListen() || stor.offersTlsClientListen()) {
            return null; // secure FXP: one of them plays the TLS client (SSCN, or CPSV)
        }
        return "a direct copy cannot work: both " + sa + " and " + sb + " encrypt data connections (PROT P), "
                + "and neither offers SSCN or CPSV to act as TLS client";
    }

    /**
     * One attempt. With {@code targetListens}, B gets PASV and A connects to it; else the reverse.
     * The passive side's command goes first and neither reply is awaited before both are sent.
     */
    private void transfer(RemoteSession src, RemoteSession dst, String from, String to, long offset, SiteRef a,
                          SiteRef b, boolean targetListens, java.util.function.Supplier<Runnable> progress)
            throws FtpException {
        ServerToServer retr = fxp(src);
        ServerToServer stor = fxp(dst);
        ServerToServer passive = targetListens ? stor : retr;
        ServerToServer active = targetListens ? retr : stor;
        SiteRef passiveSite = targetListens ? b : a;
        SiteRef activeSite = targetListens ? a : b;
        // Secure FXP: both encrypt data connections, so one must act as TLS client (SSCN ON, then OFF
        // again); without SSCN the listener does, through CPSV (the plan made sure it can).
        ServerToServer tlsClient = !retr.protectsData() ? null
                : retr.offersTlsClientRole() ? retr : stor.offersTlsClientRole() ? stor : null;
        if (tlsClient != null) {
            tlsClient.tlsClientRole(true);
        }
        boolean cpsv = retr.protectsData() && tlsClient == null;
        arrangeAndRun(retr, stor, passive, active, passiveSite, activeSite, from, to, offset, a, b,
                targetListens, cpsv, progress);
        // Only after success: a failed attempt's sessions are thrown away, and may be out of step.
        if (tlsClient != null) {
            tlsClient.tlsClientRole(false);
        }
    }

    private void arrangeAndRun(ServerToServer retr, ServerToServer stor, ServerToServer passive,
                               ServerToServer active, SiteRef passiveSite, SiteRef activeSite, String from,
                               String to, long offset, SiteRef a, SiteRef b, boolean targetListens, boolean cpsv,
                               java.util.function.Supplier<Runnable> progress) throws FtpException {
        String passivePath = passive == retr ? from : to;
        HostPort where = cpsv ? passive.listenAsTlsClient(passivePath) : passive.listen(passivePath);
        try {
            active.connectTo(where, active == retr ? from : to);
        } catch (FtpRefusedException e) {
            throw refused(activeSite.name() + " refused to connect to " + passiveSite.name() + " (" + e.reply().oneLine()
                    + "): " + WHY_REFUSED, e);
        }
        if (offset > 0) {
            retr.restartAt(offset);
            stor.restartAt(offset);
        }
        String retrCommand = "RETR " + from;
        String storCommand = "STOR " + to;
        if (targetListens) {
            stor.send("STOR", to);
            retr.send("RETR", from);
        } else {
            retr.send("RETR", from);
            stor.send("STOR", to);
        }
        FtpException failure = null;
        try {
            retr.awaitStart(retrCommand);
        } catch (FtpRefusedException e) {
            failure = refused(a.name() + " could not send to " + b.name() + " (" + e.reply().oneLine() + "): " + WHY_REFUSED, e);
        }
        try {
            stor.awaitStart(storCommand);
        } catch (FtpRefusedException e) {
            failure = refused(b.name() + " refused the data connection from " + a.name() + " (" + e.reply().oneLine()
                    + "): " + WHY_REFUSED, e);
        }
        if (failure != null) {
            throw failure;
        }
        Runnable stopPolling = progress.get();
        try {
            retr.awaitCompletion(retrCommand);
            stor.awaitCompletion(storCommand);
        } finally {
            stopPolling.run();
        }
    }

    private static FtpRefusedException refused(String message, FtpRefusedException cause) {
        return new FtpRefusedException(message, cause.command(), cause.reply());
    }

    /** SIZE, else MLST, else the parent's listing (servers without SIZE); -1 when absent or not told. */
    private static long sizeOrMinus(RemoteSession s, String path) {
        return IntoPlace.sizeOrMinus(s, path);
    }

    /** The FXP side of a session the plan found offering it (fresh sessions of the same sites offer it too). */
    private static ServerToServer fxp(RemoteSession s) throws FtpException {
        return s.feature(ServerToServer.class).orElseThrow(() -> new FtpException("FXP is not offered on " + s));
    }
}
