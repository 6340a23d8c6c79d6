package org.ferryftp.ftp;

import org.ferryftp.session.RemoteChecksum;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemoteTree;

import org.ferryftp.session.RawCommands;
import org.ferryftp.session.RemoteChecksums;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.Representations;
import org.ferryftp.session.TransferForm;
import org.ferryftp.ftp.repr.Representation;

import org.ferryftp.session.TransferListener;

import org.ferryftp.session.ListingResult;
import org.ferryftp.session.ListingSink;
import org.ferryftp.session.RemoteEntry;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One FTP session: the User-PI (control connection) with its User-DTP (data connections).
 * Operations run one at a time on the caller's thread; {@link #abort()} may be called from any
 * thread to cancel a running transfer, and {@link #keepAliveIfIdle} never waits for a busy session.
 */
public final class FtpSession implements RemoteSession, Closeable {

    private final java.util.function.Supplier<TypeOverride> typeOverride;
    private final SessionSettings settings;
    private final ProtocolLogBridge log;
    private final ControlChannel control;
    private final TlsContext tls;
    private final DataConnector connector;
    private final RepresentationNegotiator negotiator;
    private final DataTransfers transfers;
    private final SessionLock lock;
    private final SessionHandshake handshake;
    private final TlsSessionRenewal tlsRenewal;
    private final DirectoryProbe probe;
    private final DirectoryListings listings;
    private final RemoteAttributes attributes;
    private final Checksums checksums = new Checksums();
    private final ServerExtensions extensions;

    public FtpSession(SessionSettings settings, String connectionLabel, LogListener listener) {
        this(settings, connectionLabel, listener, () -> TypeOverride.AUTO);
    }

    /** @param typeOverride read at each transfer (the window's Transfer → Transfer type); AUTO keeps the site's */
    public FtpSession(SessionSettings settings, String connectionLabel, LogListener listener,
                      java.util.function.Supplier<TypeOverride> typeOverride) {
        this.settings = settings;
        this.typeOverride = typeOverride;
        Clock clock = Clock.systemUTC();
        this.log = new ProtocolLogBridge(connectionLabel, listener, clock);
        this.tls = settings.tls().enabled() ? new TlsContext(settings.tls(), settings.host(), settings.port()) : null;
        this.control = new ControlChannel(settings, tls, log);
        this.negotiator = new RepresentationNegotiator(control);
        this.extensions = new ServerExtensions(log);
        this.connector = new DataConnector(control, settings, extensions, log);
        this.transfers = new DataTransfers(control, connector, settings);
        this.lock = new SessionLock(control, clock);
        this.handshake = new SessionHandshake(settings, control,
                new TlsSteps(control, connector, tls, settings, log), negotiator, extensions, log);
        this.probe = new DirectoryProbe(lock, extensions);
        this.tlsRenewal = new TlsSessionRenewal(control, tls, handshake, probe, settings, log);
        this.listings = new DirectoryListings(settings, negotiator, transfers, probe, extensions);
        this.attributes = new RemoteAttributes(lock, settings, negotiator, extensions);
    }

    public FtpSession(SessionSettings settings, LogListener listener) {
        this(settings, listener, () -> TypeOverride.AUTO);
    }

    /** Numbered as {@link #FtpSession(SessionSettings, LogListener)}, with the transfer type read at each transfer. */
    public FtpSession(SessionSettings settings, LogListener listener,
                      java.util.function.Supplier<TypeOverride> typeOverride) {
        this(settings, settings.credentials().user() + "@" + settings.address() + "#" + NUMBERS.incrementAndGet(),
                listener, typeOverride);
    }

    /** Numbers connections in logs, so the dialogues of parallel sessions can be told apart. */
    private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger();

    public SessionSettings settings() {
        return settings;
    }

    /** The representation {@code path} travels in now: the site's choice, or the transfer type chosen for all. */
    public Representation representationFor(String path) {
        return typeOverride.get().apply(settings.representationFor(path));
    }

    /** Connects, reads FEAT, announces UTF-8 when offered, and logs in. */
    public void connect() throws FtpException {
        try {
            locked(() -> {
                handshake.connect();
                return null;
            });
        } catch (FtpException e) {
            // Asked for here, not in a static field: a command line run that goes well never starts the logging.
            org.slf4j.LoggerFactory.getLogger(FtpSession.class).warn("{}@{}: connecting or logging in failed: {}",
                    settings.credentials().user(), settings.address(), e.getMessage());
            throw e;
        }
    }

    /** True when the control connection is encrypted. */
    public boolean isSecure() {
        return control.isSecure();
    }

    /** True when the control connection goes to an IPv6 address (so data connections must use EPSV/EPRT). */
    boolean overIpv6() {
        return control.remoteAddress() instanceof java.net.Inet6Address;
    }

    /** The address the control connection goes to, as text (where an EPSV port is to be reached). */
    String controlPeerHost() {
        return control.remoteAddress().getHostAddress();
    }

    /** True when data connections are encrypted (PROT P): the server then acts as TLS server on them. */
    public boolean protectsData() {
        return control.isSecure() && settings.tls().protectData();
    }

    public boolean isConnected() {
        return control.isConnected();
    }

    public Features features() {
        return handshake.features();
    }

    /** The charset of names on the control connection. */
    public Charset charset() {
        return settings.charset().charset();
    }

    /** The SYST reply text, e.g. {@code UNIX Type: L8}, or null when the server refuses SYST. */
    public String system() throws FtpException {
        return locked(handshake::system);
    }

    public String pwd() throws FtpException {
        return locked(() -> PathReplies.quotedPath(expect("PWD", null, 257)));
    }

    public void cwd(String path) throws FtpException {
        locked(() -> {
            probe.forgetWorkingDirectory();
            return expect("CWD", path, 250, 200);
        });
    }

    /**
     * Returns when {@code path} is a directory (null or empty: the working directory); otherwise throws a
     * {@link NoSuchDirectoryException} quoting the server. One MLST where offered, else CWD there and back.
     */
    /** True when {@code path} is an existing directory (MLST, or CWD there and back). */
    @Override
    public boolean isDirectory(String path) throws FtpException {
        try {
            requireDirectory(path);
            return true;
        } catch (NoSuchDirectoryException e) {
            return false;
        }
    }

    public void requireDirectory(String path) throws FtpException {
        locked(() -> {
            probe.require(path, features());
            return null;
        });
    }

    public FtpReply noop() throws FtpException {
        return locked(() -> expect("NOOP", null, 200));
    }

    /**
     * Sends NOOP when the session has been idle for {@code idle}; does nothing when it is busy.
     * Returns true when a NOOP went out.
     */
    @Override
    public boolean keepAliveIfIdle(Duration idle) throws FtpException {
        return lock.keepAliveIfIdle(idle);
    }

    /**
     * Size in bytes (SIZE, RFC 3659), asked in TYPE I so the answer is the stored size; refused (not sent) when
     * the server does not offer SIZE. See {@link #status} for a size any server can tell.
     */
    public long size(String path) throws FtpException {
        return locked(() -> attributes.size(path, features()));
    }

    /**
     * The stored size to check a transfer by: SIZE, MLST's size fact, or the size a listing of the parent
     * shows; -1 when the server tells none of these. A file that is not there is an error.
     */
    public long storedSize(String path) throws FtpException {
        RemoteFileStatus status = sizeStatus(path);
        if (status instanceof RemoteFileStatus.Absent) {
            throw new FtpException("the server has no file " + path);
        }
        return status instanceof RemoteFileStatus.Present p ? p.size() : -1;
    }

    /**
     * Whether {@code path} is a file on the server, and its size and time: SIZE and MDTM where the server has
     * them, else MLST, else a listing of its parent directory (LIST, else NLST); unknown when it has none.
     */
    @Override
    public RemoteFileStatus status(String path) throws FtpException {
        return locked(() -> attributes.status(path, features(),
                dir -> listAll(dir), dir -> listings.fetchLines("NLST", dir, features())));
    }

    /** See {@link ServerToServer#askStatus}: sent now, read with {@link PendingStatus#read()}. */
    PendingStatus askStatus(String path, boolean time) throws FtpException {
        RemoteAttributes.StatusQuery query = locked(() -> attributes.askStatus(path, features(), time));
        return new PendingStatus(() -> locked(() -> attributes.readStatus(query,
                dir -> listAll(dir), dir -> listings.fetchLines("NLST", dir, features()))));
    }

    /** Sizes of several files: the SIZE commands go out two in one write (see {@link #sizeStatus}). */
    @Override
    public List<RemoteFileStatus> sizeStatuses(String... paths) throws FtpException {
        return locked(() -> attributes.sizeStatuses(List.of(paths), features(),
                dir -> listAll(dir), dir -> listings.fetchLines("NLST", dir, features())));
    }

    /** As {@link #status} without MDTM after SIZE: one round trip where only the size counts. */
    @Override
    public RemoteFileStatus sizeStatus(String path) throws FtpException {
        return locked(() -> attributes.status(path, features(),
                dir -> listAll(dir), dir -> listings.fetchLines("NLST", dir, features()), false));
    }

    /** Modification time (MDTM), in UTC; refused (not sent) when the server does not offer MDTM. */
    public Instant modificationTime(String path) throws FtpException {
        return locked(() -> attributes.modificationTime(path, features()));
    }

    /** Sets a file's modification time (MFMT, MDTM with a time, or SITE UTIME) so it keeps its timestamp. */
    public void setModificationTime(String path, Instant time) throws FtpException {
        locked(() -> attributes.setModificationTime(path, time, features(), false));
    }

    /** A directory's time: as a file's, but never with MDTM (vsftpd sets only files' times with it). */
    @Override
    public void setDirectoryModificationTime(String path, Instant time) throws FtpException {
        locked(() -> attributes.setModificationTime(path, time, features(), true));
    }

    /** Whether {@link #setModificationTime} may work here: a way offered (or untried) and not found wanting. */
    @Override
    public boolean canSetModificationTimes() {
        return attributes.canSetModificationTimes(features());
    }

    /**
     * The server's checksum of {@code path} by the strongest method FEAT advertises (HASH, then XSHA256,
     * XSHA1, XMD5, XCRC); empty when it advertises none.
     */
    public Optional<RemoteChecksum> checksum(String path) throws FtpException {
        return locked(() -> checksums.checksum(this::expect, features(), path));
    }

    public void delete(String path) throws FtpException {
        locked(() -> expect("DELE", path, 250, 200));
    }

    public void removeDirectory(String path) throws FtpException {
        locked(() -> expect("RMD", path, 250, 200));
    }

    /** Creates one directory (MKD); see {@link RemoteTree} for creating parents. */
    public void makeDirectory(String path) throws FtpException {
        locked(() -> expect("MKD", path, 257, 250));
    }

    /** Writes Ferry's own note into this session's log, e.g. why it did something the user did not ask for. */
    @Override
    public void note(String text) {
        log.info(text);
    }

    public void rename(String from, String to) throws FtpException {
        locked(() -> {
            CommandArguments.requireSafe("the new name", to);
            // RNFR and RNTO in one write, one round trip less per file (RFC 959 lets the next command go
            // before the reply). A refused RNFR leaves no rename pending, so the server refuses the RNTO too
            // (503); both replies are read, and the session stays in step.
            FtpReply[] replies = lock.exchangePipelined("RNFR", from, "RNTO", to);
            return renamed(from, to, replies[0], replies[1]);
        });
    }

    /**
     * Sets {@code from}'s modification time (the rename keeps it) and renames it, all in one write where the time is
     * set by MFMT or MDTM: no round trip of its own. False when the time is not set (no such way, or refused):
     * then set it on {@code to} the usual way.
     */
    @Override
    public boolean renameKeepingTime(String from, String to, Instant time) throws FtpException {
        return locked(() -> {
            CommandArguments.requireSafe("the new name", to);
            String[] timeCommand = attributes.fileTimeCommand(from, time, features());
            if (timeCommand == null) {
                FtpReply[] replies = lock.exchangePipelined("RNFR", from, "RNTO", to);
                renamed(from, to, replies[0], replies[1]);
                return false;
            }
            FtpReply[] replies = lock.exchangePipelined(timeCommand[0], timeCommand[1], "RNFR", from, "RNTO", to);
            boolean timeSet = attributes.fileTimeReply(timeCommand[0], replies[0]);
            renamed(from, to, replies[1], replies[2]);
            return timeSet;
        });
    }

    private static FtpReply renamed(String from, String to, FtpReply rnfr, FtpReply rnto) throws FtpRefusedException {
        if (rnfr.code() != 350) {
            throw new FtpRefusedException("RNFR " + from, rnfr);
        }
        if (rnto.code() != 250 && rnto.code() != 200) {
            throw new FtpRefusedException("RNTO " + to, rnto);
        }
        return rnto;
    }

    /** SITE CHMOD with an octal mode such as 755. */
    public void chmod(String octalMode, String path) throws FtpException {
        if (!octalMode.matches("[0-7]{3,4}")) {
            throw new FtpSettingException("permissions must be 3 or 4 octal digits, like 755; got " + octalMode);
        }
        locked(() -> expect("SITE", "CHMOD " + octalMode + " " + CommandArguments.requireSafe("path", path), 200, 250));
    }

    /**
     * Lists a directory: MLSD when advertised (and not refused), else LIST. A directory that does not exist
     * throws {@link NoSuchDirectoryException}, whatever the server's way of saying so.
     */
    public ListingResult list(String path) throws FtpException {
        return locked(() -> listAll(path));
    }

    private ListingResult listAll(String path) throws FtpException {
        List<RemoteEntry> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        list(path, batch -> {
            entries.addAll(batch.entries());
            unparsed.addAll(batch.unparsed());
            skipped.addAll(batch.skipped());
            return true;
        });
        return new ListingResult(entries, unparsed, skipped);
    }

    /**
     * Lists a directory like {@link #list(String)}, handing the entries to {@code sink} in batches while
     * the listing arrives (parsed as the bytes come in). A sink that returns false stops the listing:
     * the transfer is aborted and a {@link TransferAbortedException} thrown; the session stays usable.
     */
    public void list(String path, ListingSink sink) throws FtpException {
        List<String> skipped = new ArrayList<>();
        locked(() -> {
            listings.list(path == null || path.isEmpty() ? null : path, batch -> {
                skipped.addAll(batch.skipped());
                return sink.accept(batch);
            }, features(), this::system);
            return null;
        });
        if (!skipped.isEmpty()) {
            // Header and total lines are not entries; say so, so that nothing leaves a listing unmentioned.
            note("listing: skipped " + skipped.size() + " header or total line(s), e.g. \"" + skipped.get(0) + "\"");
        }
    }

    /** Names only (NLST). */
    public List<String> nameList(String path) throws FtpException {
        return locked(() -> listings.fetchLines("NLST", path, features()));
    }

    /**
     * Raw listing lines for one listing verb (LIST, NLST, MLSD), whatever the engine would choose: the interop
     * matrix compares what each real server's LIST and MLSD say of the same directory with it.
     */
    public List<String> listLines(String verb, String path) throws FtpException {
        return locked(() -> listings.fetchLines(verb, path, features()));
    }

    /**
     * Downloads {@code path} into {@code local}, converted per the site's representation.
     * With {@code restartAt > 0} it resumes (REST), which needs a binary representation.
     */
    @Override
    public long download(String path, OutputStream local, long restartAt, TransferListener listener)
            throws FtpException {
        return retrieve(path, local, restartAt, listener).bytes();
    }

    /**
     * The MDTM goes out in the same write as EPSV and RETR where those are pipelined (no round trip of its own); its
     * reply, read first, is handed to {@code time} before the data comes. Without MDTM, {@code time} hears nothing.
     */
    @Override
    public long downloadTellingTime(String path, OutputStream local, long restartAt, TransferListener listener,
                                    java.util.function.Consumer<Instant> time) throws FtpException {
        return locked(() -> {
            Representation r = forTransfer(path, restartAt);
            String[] query = attributes.timeQuery(path, features());
            DataConnector.Ahead ahead = query == null ? null
                    : new DataConnector.Ahead(query[0], query[1], reply -> time.accept(attributes.timeFromReply(reply)));
            return transfers.retrieve(path, local, restartAt, r, features(), listener, ahead);
        }).bytes();
    }

    /** STOR, with REST for an offset; where the server has no REST STREAM, APPE continues the file instead. */
    @Override
    public long upload(String path, InputStream local, long restartAt, TransferListener listener) throws FtpException {
        if (restartAt > 0 && !features().has("REST", "STREAM")) {
            skip(local, restartAt);
            return append(path, local, listener).bytes();
        }
        return store(path, local, restartAt, listener).bytes();
    }

    public TransferResult retrieve(String path, OutputStream local, long restartAt, TransferListener listener)
            throws FtpException {
        return locked(() -> transfers.retrieve(path, local, restartAt, forTransfer(path, restartAt), features(),
                listener));
    }

    /** Uploads with STOR; with {@code restartAt > 0} skips that many local bytes and resumes (REST). */
    public TransferResult store(String path, InputStream local, long restartAt, TransferListener listener)
            throws FtpException {
        return locked(() -> {
            Representation r = forTransfer(path, restartAt);
            skip(local, restartAt);
            return transfers.store(StoreCommand.STOR, path, local, restartAt, r, features(), listener);
        });
    }

    /**
     * Starts an upload and returns the stream to write into; closing it completes the upload.
     * For relaying from another server: this session must not be used until the stream is closed.
     */
    @Override
    public OutputStream openUpload(String path, long restartAt) throws FtpException {
        return locked(() -> transfers.openStore(path, restartAt, forTransfer(path, restartAt), features()));
    }

    /** Uploads with APPE (append to the remote file). */
    public TransferResult append(String path, InputStream local, TransferListener listener) throws FtpException {
        return locked(() -> transfers.store(StoreCommand.APPE, path, local, 0, forTransfer(path, 0), features(),
                listener));
    }

    /**
     * Puts the server into the file's representation (TYPE "auto" decides per name) for a transfer, refusing a
     * resume that representation cannot do. Under the lock.
     */
    private Representation forTransfer(String path, long restartAt) throws FtpException {
        Representation r = representationFor(path);
        if (restartAt > 0 && !r.allowsRestart()) {
            throw new FtpSettingException("resuming needs TYPE I (or L 8), STRU F and MODE S; this site uses "
                    + r.describe() + ", so the transfer must start over");
        }
        negotiator.applyForTransfer(r, features());
        return r;
    }

    private static void skip(InputStream in, long n) throws FtpException {
        try {
            in.skipNBytes(n);
        } catch (java.io.IOException e) {
            throw new FtpSettingException("cannot resume: the local file is shorter than " + n + " bytes");
        }
    }

    /** File bytes this session has moved through its own data connections (not counting listings). */
    public long fileDataBytes() {
        return transfers.fileBytes();
    }

    /**
     * Drops the connection at once, from any thread, without waiting for a running command: the
     * way to stop a server-to-server transfer whose replies could take minutes.
     */
    @Override
    public void disconnectNow() {
        transfers.abortNow();
        control.closeQuietly();
    }

    /**
     * This session's features: its {@link Representations}, the server's {@link RemoteChecksums} when FEAT offers
     * one, typed commands ({@link RawCommands}), server-to-server copies ({@link ServerToServer}), and the FEAT list
     * itself ({@link Features}).
     */
    @Override
    public <T> Optional<T> feature(Class<T> type) {
        Object offered = null;
        if (type == Representations.class) {
            offered = (Representations) path -> form(representationFor(path));
        } else if (type == RemoteChecksums.class && features().checksumCommand() != null) {
            offered = (RemoteChecksums) this::checksum;
        } else if (type == RawCommands.class) {
            offered = (RawCommands) line -> String.join("\n", typed(line).lines());
        } else if (type == ServerToServer.class) {
            offered = serverToServer();
        } else if (type == Features.class) {
            offered = features();
        }
        return Optional.ofNullable(type.cast(offered));
    }

    /**
     * Verbs a typed command may not use: they open data connections, or change the login, TLS, representation or
     * working directory this session keeps track of.
     */
    private static final java.util.Set<String> NOT_TYPED = java.util.Set.of("RETR", "STOR", "STOU", "APPE", "LIST",
            "NLST", "MLSD", "PASV", "EPSV", "CPSV", "PORT", "EPRT", "REST", "ABOR", "USER", "PASS", "ACCT", "REIN",
            "QUIT", "AUTH", "PBSZ", "PROT", "CCC", "SSCN", "TYPE", "STRU", "MODE", "CWD", "CDUP", "SMNT");

    /** Sends a command the user typed and returns its reply, whatever its code (see {@link RawCommands}). */
    private FtpReply typed(String commandLine) throws FtpException {
        String line = commandLine.strip();
        CommandArguments.requireSafe("the command", line);
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
        if (verb.isEmpty() || NOT_TYPED.contains(verb)) {
            throw new FtpSettingException(verb.isEmpty() ? "no command given"
                    : verb + " cannot be typed: Ferry sends it itself (it opens a data connection or changes the "
                    + "session's state)");
        }
        return locked(() -> lock.exchange(verb, space < 0 ? null : line.substring(space + 1)));
    }

    private static TransferForm form(Representation r) {
        return new TransferForm(r.isBinary(), r.isPassThrough(), r.allowsRestart(), r.describe());
    }

    /** Cancels the running transfer, if any. Safe from any thread. */
    public void abort() {
        transfers.abort();
    }

    /** The server-to-server (FXP) half of this session. */
    public ServerToServer serverToServer() {
        return new ServerToServer(this);
    }

    /** Sends a command and checks its reply code; package use by {@link ServerToServer}. */
    FtpReply expect(String verb, String arg, int... okCodes) throws FtpException {
        return lock.expect(verb, arg, okCodes);
    }

    FtpReply readReply(String waitingFor) throws FtpException {
        return control.readReply(waitingFor);
    }

    void sendOnly(String verb, String arg) throws FtpException {
        lock.sendOnly(verb, arg);
    }

    void applyTransferRepresentation(String path) throws FtpException {
        negotiator.applyForTransfer(representationFor(path), features());
    }

    <T> T locked(SessionLock.Op<T> op) throws FtpException {
        return lock.locked(() -> {
            try {
                tlsRenewal.beforeOperation();
                return op.run();
            } finally {
                tlsRenewal.afterOperation();
            }
        });
    }

    /** Says goodbye (QUIT) briefly and closes the connection. */
    @Override
    public void close() {
        transfers.abortNow();
        lock.quit();
    }
}
