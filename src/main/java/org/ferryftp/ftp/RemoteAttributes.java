package org.ferryftp.ftp;

import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemotePaths;

import org.ferryftp.session.ListingResult;
import org.ferryftp.ftp.listing.MlsxParser;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.ftp.repr.Representation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote file's size and modification time: SIZE and MDTM (RFC 3659) where the server has them, else MLST,
 * else a listing of the parent directory (LIST, then NLST), which RFC 959 servers have. MFMT sets the time.
 * Used under the session's lock only.
 */
final class RemoteAttributes {

    private static final DateTimeFormatter MFMT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** Lists a directory with the session's own choice of verb (MLSD or LIST). */
    @FunctionalInterface
    interface DirectoryLister {
        ListingResult list(String dir) throws FtpException;
    }

    private final SessionLock commands;
    private final SessionSettings settings;
    private final RepresentationNegotiator negotiator;
    private final ServerExtensions extensions;

    RemoteAttributes(SessionLock commands, SessionSettings settings, RepresentationNegotiator negotiator,
                     ServerExtensions extensions) {
        this.commands = commands;
        this.settings = settings;
        this.negotiator = negotiator;
        this.extensions = extensions;
    }

    /**
     * SIZE (RFC 3659), asked in TYPE I so the answer is the stored size. Without SIZE in FEAT nothing is sent;
     * a "not implemented" refusal withdraws SIZE for the session.
     */
    long size(String path, Features features) throws FtpException {
        if (!features.has("SIZE")) {
            throw new FtpSettingException("the server does not offer SIZE");
        }
        negotiator.applyForTransfer(binaryForSize(), features);
        FtpReply r;
        try {
            r = commands.expect("SIZE", path, 213);
        } catch (FtpRefusedException e) {
            extensions.withdrawIfNotImplemented("SIZE", e.reply(), "sizes come from listings");
            throw e;
        }
        try {
            return Long.parseLong(r.firstLineText().strip());
        } catch (NumberFormatException e) {
            throw new FtpProtocolException("cannot read the size in: " + r.oneLine());
        }
    }

    /**
     * Whether the file is there, with its size and time: SIZE (and MDTM), else MLST, else the parent's listing
     * (LIST, then NLST for the name alone). Unknown only when the server has none of these.
     */
    RemoteFileStatus status(String path, Features features, DirectoryLister lister, NameLister names)
            throws FtpException {
        return status(path, features, lister, names, true);
    }

    /** As {@link #status(String, Features, DirectoryLister, NameLister)}; without {@code time}, no MDTM after SIZE. */
    RemoteFileStatus status(String path, Features features, DirectoryLister lister, NameLister names, boolean time)
            throws FtpException {
        if (features.has("SIZE")) {
            try {
                long size = size(path, features);
                return new RemoteFileStatus.Present(size, time ? modificationTimeOrNull(path, features) : null,
                        "SIZE");
            } catch (FtpRefusedException e) {
                if (!e.reply().isNotImplemented()) {
                    return absentOrThrow(e);
                }
            }
        }
        return withoutSize(path, features, lister, names);
    }

    /** What {@link #status} asks where the server has no SIZE (or has just said so): MLST, else the parent's listing. */
    private RemoteFileStatus withoutSize(String path, Features features, DirectoryLister lister, NameLister names)
            throws FtpException {
        if (features.has("MLST") && !extensions.refused("MLST")) {
            try {
                RemoteEntry entry = machineListing(path);
                return entry == null || entry.isDirectory() ? new RemoteFileStatus.Absent()
                        : new RemoteFileStatus.Present(entry.size(), entry.modified(), "MLST");
            } catch (FtpRefusedException e) {
                if (!extensions.withdrawIfNotImplemented("MLST", e.reply(), "sizes come from listings")) {
                    return absentOrThrow(e);
                }
            }
        }
        return fromParentListing(path, lister, names);
    }

    /**
     * {@link #status} without times for each path, in order. With SIZE, two SIZE commands go out in one write
     * (RFC 959 lets a client send before the reply): one round trip for a pair. A server that turns out not to
     * have SIZE gets the one-by-one way, which falls back to MLST or listings.
     */
    List<RemoteFileStatus> sizeStatuses(List<String> paths, Features features, DirectoryLister lister,
                                        NameLister names) throws FtpException {
        List<RemoteFileStatus> all = new ArrayList<>();
        int i = 0;
        Features rest = features;
        if (features.has("SIZE")) {
            negotiator.applyForTransfer(binaryForSize(), features);
            for (; i + 1 < paths.size(); i += 2) {
                FtpReply[] replies = commands.exchangePipelined("SIZE", paths.get(i), "SIZE", paths.get(i + 1));
                if (replies[0].isNotImplemented() || replies[1].isNotImplemented()) {
                    extensions.withdrawIfNotImplemented("SIZE", replies[0].isNotImplemented() ? replies[0]
                            : replies[1], "sizes come from listings");
                    rest = extensions.available(); // without SIZE now: the pair is not asked it again
                    break;
                }
                all.add(sizeReply("SIZE " + paths.get(i), replies[0]));
                all.add(sizeReply("SIZE " + paths.get(i + 1), replies[1]));
            }
        }
        for (; i < paths.size(); i++) {
            all.add(status(paths.get(i), rest, lister, names, false));
        }
        return all;
    }

    /** What {@link #askStatus} sent of a file, for {@link #readStatus} to read. */
    sealed interface StatusQuery {

        String path();

        /** Nothing: the server has no SIZE, so {@link #readStatus} asks the way {@link #status} does without it. */
        record NothingSent(String path) implements StatusQuery {
        }

        /**
         * {@link #status}'s first questions, in one write: the representation's commands (TYPE I where the server
         * is in another type), SIZE, and MDTM where {@code timeSent}.
         */
        record SizeSent(String path, List<String[]> representation, boolean timeSent) implements StatusQuery {
        }
    }

    /**
     * Sends, in one write and without reading the replies, what {@link #status} asks of {@code path} first: TYPE I
     * for SIZE where the server is in another type, SIZE, and with {@code time} MDTM. A server without SIZE is sent
     * nothing.
     */
    StatusQuery askStatus(String path, Features features, boolean time) throws FtpException {
        if (!features.has("SIZE")) {
            return new StatusQuery.NothingSent(path);
        }
        List<String[]> representation = negotiator.pendingForTransfer(binaryForSize(), features);
        String[] timeQuery = time ? timeQuery(path, features) : null;
        List<String> all = new ArrayList<>();
        for (String[] c : representation) {
            all.add(c[0]);
            all.add(c[1]);
        }
        all.add("SIZE");
        all.add(CommandArguments.requireSafe("path", path));
        if (timeQuery != null) {
            all.add(timeQuery[0]);
            all.add(timeQuery[1]);
        }
        commands.sendPipelined(all.toArray(String[]::new));
        return new StatusQuery.SizeSent(path, representation, timeQuery != null);
    }

    /**
     * Reads the replies to {@code query} (the session's next replies) into the file's status, as {@link #status}
     * tells it; a server that has no SIZE, or turns out not to have it, is asked what {@link #status} asks then.
     */
    RemoteFileStatus readStatus(StatusQuery query, DirectoryLister lister, NameLister names) throws FtpException {
        if (query instanceof StatusQuery.SizeSent sent) {
            return readSizeReplies(sent, lister, names);
        }
        return withoutSize(query.path(), extensions.available(), lister, names);
    }

    private RemoteFileStatus readSizeReplies(StatusQuery.SizeSent query, DirectoryLister lister, NameLister names)
            throws FtpException {
        FtpRefusedException refused = null;
        for (String[] c : query.representation()) {
            try {
                negotiator.accept(c[0], c[1], commands.readReply(c[0]));
            } catch (FtpRefusedException e) {
                refused = e; // the later replies are read all the same, so the session stays in step
            }
        }
        FtpReply size = commands.readReply("SIZE");
        Instant time = query.timeSent() ? timeFromReply(commands.readReply("MDTM")) : null;
        if (refused != null) {
            throw refused;
        }
        if (extensions.withdrawIfNotImplemented("SIZE", size, "sizes come from listings")) {
            return withoutSize(query.path(), extensions.available(), lister, names);
        }
        RemoteFileStatus status = sizeReply("SIZE " + query.path(), size);
        return status instanceof RemoteFileStatus.Present p ? new RemoteFileStatus.Present(p.size(), time, "SIZE")
                : status;
    }

    /** SIZE counts the stored bytes in TYPE I, in the site's transfer mode. */
    private Representation binaryForSize() {
        return Representation.BINARY.withMode(settings.representation().mode());
    }

    /** A SIZE reply as a status: 213 the size, absent where {@link #meansAbsent}, anything else a refusal. */
    private static RemoteFileStatus sizeReply(String command, FtpReply r) throws FtpException {
        if (meansAbsent(r)) {
            // Decided without an exception: every upload's free final name is such a reply.
            return new RemoteFileStatus.Absent();
        }
        if (r.code() != 213) {
            throw new FtpRefusedException(command, r);
        }
        try {
            return new RemoteFileStatus.Present(Long.parseLong(r.firstLineText().strip()), null, "SIZE");
        } catch (NumberFormatException e) {
            throw new FtpProtocolException("cannot read the size in: " + r.oneLine());
        }
    }

    /** Names of a directory (NLST). */
    @FunctionalInterface
    interface NameLister {
        List<String> names(String dir) throws FtpException;
    }

    /** Absent where the refusal {@link #meansAbsent}; otherwise the refusal is rethrown. */
    private static RemoteFileStatus absentOrThrow(FtpRefusedException e) throws FtpRefusedException {
        if (!meansAbsent(e.reply())) {
            throw e;
        }
        return new RemoteFileStatus.Absent();
    }

    /**
     * Whether a refusal of SIZE or MLST says the file is not there: a permanent (5yz) one that leaves the connection
     * open. A transient 4yz, or a reply that ends the connection, tells nothing about the file.
     */
    private static boolean meansAbsent(FtpReply r) {
        return r.code() >= 500 && !FtpRefusedException.endsConnection(r);
    }

    private RemoteFileStatus fromParentListing(String path, DirectoryLister lister, NameLister names)
            throws FtpException {
        String parent = RemotePaths.parent(path);
        String name = RemotePaths.name(path);
        String dir = parent.isEmpty() ? null : parent;
        List<String> refusals = new ArrayList<>();
        try {
            ListingResult listing = lister.list(dir);
            for (RemoteEntry entry : listing.entries()) {
                if (entry.name().equals(name)) {
                    return entry.isDirectory() ? new RemoteFileStatus.Absent()
                            : new RemoteFileStatus.Present(entry.size(), entry.modified(), "LIST");
                }
            }
            if (listing.unparsed().isEmpty()) {
                return new RemoteFileStatus.Absent();
            }
            refusals.add("a LIST Ferry can read");
        } catch (NoSuchDirectoryException e) {
            return new RemoteFileStatus.Absent();
        } catch (FtpRefusedException e) {
            refusals.add(notImplementedElseThrow("LIST", e));
        }
        try {
            for (String listed : names.names(dir)) {
                if (RemotePaths.name(listed).equals(name)) {
                    return new RemoteFileStatus.Present(-1, null, "NLST");
                }
            }
            return new RemoteFileStatus.Absent();
        } catch (NoSuchDirectoryException e) {
            return new RemoteFileStatus.Absent();
        } catch (FtpRefusedException e) {
            refusals.add(notImplementedElseThrow("NLST", e));
        }
        return new RemoteFileStatus.Unknown("the server has no SIZE, no MLST and no " + String.join(" or ", refusals));
    }

    /** "VERB (reply)" for a refusal as not implemented; any other failure is rethrown. */
    private static String notImplementedElseThrow(String verb, FtpRefusedException e) throws FtpRefusedException {
        if (e.isConnectionBroken() || !e.reply().isNotImplemented()) {
            throw e;
        }
        return verb + " (" + e.reply().oneLine() + ")";
    }

    private RemoteEntry machineListing(String path) throws FtpException {
        FtpReply r = commands.expect("MLST", path, 250);
        for (String line : r.lines()) {
            // The facts line starts with a space (RFC 3659 7.2); the others are the reply's own text.
            var entry = line.startsWith(" ") ? MlsxParser.parse(line.substring(1)) : null;
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** MDTM where offered and not refused; null otherwise or when the server has no time for the file. */
    private Instant modificationTimeOrNull(String path, Features features) throws FtpException {
        if (!timeAsked(features)) {
            return null;
        }
        try {
            return modificationTime(path, features);
        } catch (FtpRefusedException e) {
            if (e.isConnectionBroken()) {
                throw e;
            }
            return null;
        }
    }

    /** The MDTM that asks {@code path}'s time, or null where the server has no MDTM (or it was withdrawn). */
    String[] timeQuery(String path, Features features) throws FtpException {
        if (!timeAsked(features)) {
            return null;
        }
        return new String[] {"MDTM", CommandArguments.requireSafe("path", path)};
    }

    /** Whether a status asks MDTM for the time: where offered and not withdrawn. */
    private boolean timeAsked(Features features) {
        return features.has("MDTM") && !extensions.refused("MDTM");
    }

    /**
     * The time in the reply to a {@link #timeQuery}, or null when the server gave none (refused, or no time it can
     * say); a "not implemented" refusal withdraws MDTM as {@link #modificationTime} does.
     */
    Instant timeFromReply(FtpReply r) {
        if (r.code() != 213) {
            extensions.withdrawIfNotImplemented("MDTM", r, "times come from listings");
            return null;
        }
        return MlsxParser.parseTime(r.firstLineText().strip());
    }

    /** MDTM, in UTC. Without MDTM in FEAT nothing is sent; a "not implemented" refusal withdraws it. */
    Instant modificationTime(String path, Features features) throws FtpException {
        if (!features.has("MDTM")) {
            throw new FtpSettingException("the server does not offer MDTM");
        }
        FtpReply r;
        try {
            r = commands.expect("MDTM", path, 213);
        } catch (FtpRefusedException e) {
            extensions.withdrawIfNotImplemented("MDTM", e.reply(), "times come from listings");
            throw e;
        }
        Instant t = MlsxParser.parseTime(r.firstLineText().strip());
        if (t == null) {
            throw new FtpProtocolException("cannot read the time in: " + r.oneLine());
        }
        return t;
    }

    /**
     * Sets a file's or directory's modification time: MFMT where offered (ProFTPD, Pure-FTPd, MINA); else, for a
     * file, {@code MDTM YYYYMMDDHHMMSS path}, which vsftpd takes as a request to set the time (it refuses it for a
     * directory); else SITE UTIME, first as {@code SITE UTIME YYYYMMDDHHMMSS path} and, where that is refused as
     * not understood, in the five-argument form {@code SITE UTIME path atime mtime ctime UTC} (both taken by
     * ProFTPD's mod_site_misc and Pure-FTPd; Pure-FTPd does not list UTIME in FEAT, so it is tried once per
     * session without that). Each way the server does not have is withdrawn for the session.
     *
     * @throws FtpSettingException when the server has none of them
     */
    FtpReply setModificationTime(String path, Instant time, Features features, boolean directory) throws FtpException {
        if (directory) {
            if (extensions.refused("DIRECTORY-TIMES")) {
                throw new FtpSettingException("the server does not set directories' times");
            }
            try {
                return setTime(path, time, features, true);
            } catch (FtpRefusedException e) {
                // MINA, for one, answers MFMT on a directory with 501 and sets files' times: only directories are
                // given up, and the ways that work for files stay.
                extensions.withdraw("DIRECTORY-TIMES", e.reply(), "directories keep the server's times");
                throw e;
            }
        }
        return setTime(path, time, features, false);
    }

    private FtpReply setTime(String path, Instant time, Features features, boolean directory) throws FtpException {
        String safePath = CommandArguments.requireSafe("path", path);
        String stamp = MFMT_TIME.format(time);
        if (features.has("MFMT") && !extensions.refused("MFMT")) {
            try {
                return commands.expect("MFMT", stamp + " " + safePath, 213);
            } catch (FtpRefusedException e) {
                if (directory || !e.reply().isNotImplemented()) {
                    throw e;
                }
                extensions.withdraw("MFMT", e.reply(), "times are set with MDTM or SITE UTIME");
            }
        }
        if (!directory && features.has("MDTM") && !extensions.refused("MDTM-SET")) {
            try {
                return commands.expect("MDTM", stamp + " " + safePath, 213);
            } catch (FtpRefusedException e) {
                // A server that only reads MDTM takes the time for part of a file name and answers 550.
                extensions.withdraw("MDTM-SET", e.reply(), "times are set with SITE UTIME where it can");
            }
        }
        if (!extensions.refused("SITE-UTIME")) {
            try {
                return commands.expect("SITE", "UTIME " + stamp + " " + safePath, 200, 213, 250);
            } catch (FtpRefusedException two) {
                if (!two.reply().isNotImplemented()) {
                    throw two; // UTIME is there, this path is refused (missing, not ours)
                }
            }
            try {
                return commands.expect("SITE", "UTIME " + safePath + " " + stamp + " " + stamp + " " + stamp + " UTC",
                        200, 213, 250);
            } catch (FtpRefusedException five) {
                if (!five.reply().isNotImplemented()) {
                    throw five;
                }
                extensions.withdraw("SITE-UTIME", five.reply(), "transferred files keep the server's time");
            }
        }
        throw new FtpSettingException("the server cannot set modification times (no MFMT, MDTM with a time or"
                + " SITE UTIME)");
    }

    /**
     * The command that sets a file's time the first way {@link #setModificationTime} would try, to be sent together
     * with others: MFMT, or MDTM with a time; null when neither is left (SITE UTIME's forms are tried one by one).
     */
    String[] fileTimeCommand(String path, Instant time, Features features) throws FtpException {
        String safePath = CommandArguments.requireSafe("path", path);
        String stamp = MFMT_TIME.format(time);
        if (features.has("MFMT") && !extensions.refused("MFMT")) {
            return new String[] {"MFMT", stamp + " " + safePath};
        }
        if (features.has("MDTM") && !extensions.refused("MDTM-SET")) {
            return new String[] {"MDTM", stamp + " " + safePath};
        }
        return null;
    }

    /**
     * The reply to a {@link #fileTimeCommand}: true when the time is set. A way the server turns out not to have is
     * withdrawn as {@link #setModificationTime} does, so the next try takes the next way.
     */
    boolean fileTimeReply(String verb, FtpReply r) {
        if (r.code() == 213) {
            return true;
        }
        if (verb.equals("MFMT") && r.isNotImplemented()) {
            extensions.withdraw("MFMT", r, "times are set with MDTM or SITE UTIME");
        } else if (verb.equals("MDTM")) {
            extensions.withdraw("MDTM-SET", r, "times are set with SITE UTIME where it can");
        }
        return false;
    }

    /** Whether {@link #setModificationTime} may work: a way not yet withdrawn (SITE UTIME is tried once unlisted). */
    boolean canSetModificationTimes(Features f) {
        return f.has("MFMT") || (f.has("MDTM") && !extensions.refused("MDTM-SET")) || !extensions.refused("SITE-UTIME");
    }
}
