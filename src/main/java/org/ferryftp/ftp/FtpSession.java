package org.ferryftp.ftp;

import org.ferryftp.ftp.listing.ListingBatcher;
import org.ferryftp.ftp.listing.ListingResult;
import org.ferryftp.ftp.listing.ListingSink;
import org.ferryftp.ftp.listing.MlsxParser;
import org.ferryftp.ftp.listing.RemoteEntry;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferType;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One FTP session: the User-PI (control connection) with its User-DTP (data connections).
 * Operations run one at a time on the caller's thread; {@link #abort()} may be called from any
 * thread to cancel a running transfer, and {@link #keepAliveIfIdle} never waits for a busy session.
 */
public final class FtpSession implements Closeable {

    private static final long MAX_LISTING_BYTES = 512L << 20;
    private static final DateTimeFormatter MFMT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SessionSettings settings;
    private final ProtocolLogBridge log;
    private final ControlChannel control;
    private final TlsContext tls;
    private final DataConnector connector;
    private final TlsSteps tlsSteps;
    private final RepresentationNegotiator negotiator;
    private final DataTransfers transfers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final Checksums checksums = new Checksums();
    private Features features = Features.NONE;
    private String system;
    private boolean mlsdRefused;
    private volatile Instant lastActivity;

    public FtpSession(SessionSettings settings, String connectionLabel, LogListener listener) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
        this.log = new ProtocolLogBridge(connectionLabel, listener, clock);
        this.tls = settings.tls().enabled() ? new TlsContext(settings.tls(), settings.host(), settings.port()) : null;
        this.control = new ControlChannel(settings, tls, log);
        this.negotiator = new RepresentationNegotiator(control);
        this.connector = new DataConnector(control, settings, log);
        this.transfers = new DataTransfers(control, connector, settings);
        this.tlsSteps = new TlsSteps(control, connector, tls, settings, log);
        this.lastActivity = clock.instant();
    }

    public FtpSession(SessionSettings settings, LogListener listener) {
        this(settings, settings.credentials().user() + "@" + settings.address() + "#" + NUMBERS.incrementAndGet(),
                listener);
    }

    /** Numbers connections in logs, so the dialogues of parallel sessions can be told apart. */
    private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger();

    public SessionSettings settings() {
        return settings;
    }

    /** Connects, reads FEAT, announces UTF-8 when offered, and logs in. */
    public void connect() throws FtpException {
        locked(() -> {
            log.info("connecting to " + settings.address());
            control.open();
            try {
                tlsSteps.negotiate();
                boolean featRefused = readFeatures();
                if (settings.charset().announcesUtf8() && features.has("UTF8")) {
                    FtpReply opts = control.exchange("OPTS", "UTF8 ON");
                    if (!opts.isCompletion()) {
                        log.info("server advertised UTF8 but refused OPTS UTF8 ON; names stay UTF-8");
                    }
                }
                new LoginSequence(control).login(settings.credentials());
                tlsSteps.protectData();
                if (featRefused) {
                    readFeatures();
                }
                negotiator.reset();
            } catch (FtpException e) {
                control.closeQuietly();
                throw e;
            }
            return null;
        });
    }

    /** True when the control connection is encrypted. */
    public boolean isSecure() {
        return control.isSecure();
    }

    /** True when data connections are encrypted (PROT P): the server then acts as TLS server on them. */
    public boolean protectsData() {
        return control.isSecure() && settings.tls().protectData();
    }

    private boolean readFeatures() throws FtpException {
        FtpReply feat = control.exchange("FEAT", null);
        features = feat.code() == 211 ? Features.parse(feat.lines()) : Features.NONE;
        return feat.code() == 530;
    }

    public boolean isConnected() {
        return control.isConnected();
    }

    public Features features() {
        return features;
    }

    /** The charset of names on the control connection. */
    public Charset charset() {
        return settings.charset().charset();
    }

    /** The SYST reply text, e.g. {@code UNIX Type: L8}, or null when the server refuses SYST. */
    public String system() throws FtpException {
        return locked(() -> {
            if (system == null) {
                FtpReply r = control.exchange("SYST", null);
                system = r.code() == 215 ? r.firstLineText() : "";
            }
            return system.isEmpty() ? null : system;
        });
    }

    public String pwd() throws FtpException {
        return locked(() -> PathReplies.quotedPath(expect("PWD", null, 257)));
    }

    public void cwd(String path) throws FtpException {
        locked(() -> expect("CWD", path, 250, 200));
    }

    public void cdup() throws FtpException {
        locked(() -> expect("CDUP", null, 250, 200));
    }

    public FtpReply noop() throws FtpException {
        return locked(() -> expect("NOOP", null, 200));
    }

    /**
     * Sends NOOP when the session has been idle for {@code idle}; does nothing when it is busy.
     * Returns true when a NOOP went out.
     */
    public boolean keepAliveIfIdle(Duration idle) throws FtpException {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            if (!control.isConnected() || lastActivity.plus(idle).isAfter(clock.instant())) {
                return false;
            }
            expect("NOOP", null, 200);
            lastActivity = clock.instant();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Size in bytes (SIZE, RFC 3659), asked in TYPE I so the answer is the stored size. */
    public long size(String path) throws FtpException {
        return locked(() -> {
            negotiator.applyForTransfer(Representation.BINARY.withMode(settings.representation().mode()), features);
            FtpReply r = expect("SIZE", path, 213);
            try {
                return Long.parseLong(r.firstLineText().strip());
            } catch (NumberFormatException e) {
                throw new FtpProtocolException("cannot read the size in: " + r.oneLine());
            }
        });
    }

    /** Modification time (MDTM), in UTC. */
    public Instant modificationTime(String path) throws FtpException {
        return locked(() -> {
            FtpReply r = expect("MDTM", path, 213);
            Instant t = MlsxParser.parseTime(r.firstLineText().strip());
            if (t == null) {
                throw new FtpProtocolException("cannot read the time in: " + r.oneLine());
            }
            return t;
        });
    }

    /** Sets the modification time (MFMT) so transferred files keep their timestamps. */
    public void setModificationTime(String path, Instant time) throws FtpException {
        locked(() -> {
            if (!features.has("MFMT")) {
                throw new FtpSettingException("the server cannot set modification times (no MFMT in FEAT)");
            }
            return expect("MFMT", MFMT_TIME.format(time) + " " + CommandArguments.requireSafe("path", path), 213);
        });
    }

    /**
     * The server's checksum of {@code path} by the strongest method FEAT advertises (HASH, then XSHA256,
     * XSHA1, XMD5, XCRC); empty when it advertises none.
     */
    public Optional<RemoteChecksum> checksum(String path) throws FtpException {
        return locked(() -> checksums.checksum(this::expect, features, path));
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

    public void rename(String from, String to) throws FtpException {
        locked(() -> {
            CommandArguments.requireSafe("the new name", to);
            expect("RNFR", from, 350);
            return expect("RNTO", to, 250, 200);
        });
    }

    /** SITE CHMOD with an octal mode such as 755. */
    public void chmod(String octalMode, String path) throws FtpException {
        if (!octalMode.matches("[0-7]{3,4}")) {
            throw new FtpSettingException("permissions must be 3 or 4 octal digits, like 755; got " + octalMode);
        }
        locked(() -> expect("SITE", "CHMOD " + octalMode + " " + CommandArguments.requireSafe("path", path), 200, 250));
    }

    /** Lists a directory: MLSD when advertised (and not refused), else LIST. */
    public ListingResult list(String path) throws FtpException {
        List<RemoteEntry> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        list(path, batch -> {
            entries.addAll(batch.entries());
            unparsed.addAll(batch.unparsed());
            return true;
        });
        return new ListingResult(entries, unparsed);
    }

    /**
     * Lists a directory like {@link #list(String)}, handing the entries to {@code sink} in batches while
     * the listing arrives (parsed as the bytes come in). A sink that returns false stops the listing:
     * the transfer is aborted and a {@link TransferAbortedException} thrown; the session stays usable.
     */
    public void list(String path, ListingSink sink) throws FtpException {
        locked(() -> {
            if (features.supportsMachineListing() && !mlsdRefused) {
                try {
                    streamLines("MLSD", path, ListingBatcher.mlsd(sink));
                    return null;
                } catch (FtpRefusedException e) {
                    if (e.reply().code() != 500 && e.reply().code() != 502) {
                        throw e;
                    }
                    mlsdRefused = true;
                }
            }
            streamLines("LIST", path, ListingBatcher.list(system(), sink));
            return null;
        });
    }

    private void streamLines(String verb, String path, ListingBatcher batcher) throws FtpException {
        Representation r = settings.representation();
        negotiator.applyForListing(r, features);
        Charset cs = r.type() == TransferType.EBCDIC ? r.ebcdicCodePage() : charset();
        transfers.fetchLines(verb, path, r, features, new ListingLines(cs, batcher, MAX_LISTING_BYTES, verb));
    }

    /** Names only (NLST). */
    public List<String> nameList(String path) throws FtpException {
        return locked(() -> fetchLines("NLST", path));
    }

    /** Raw listing lines for any listing verb (LIST, NLST, MLSD). */
    public List<String> listLines(String verb, String path) throws FtpException {
        return locked(() -> fetchLines(verb, path));
    }

    private List<String> fetchLines(String verb, String path) throws FtpException {
        Representation r = settings.representation();
        negotiator.applyForListing(r, features);
        byte[] data = transfers.fetch(verb, path, r, features, MAX_LISTING_BYTES);
        Charset cs = r.type() == TransferType.EBCDIC ? r.ebcdicCodePage() : charset();
        String text = new String(data, cs);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n|\u0085", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /**
     * Downloads {@code path} into {@code local}, converted per the site's representation.
     * With {@code restartAt > 0} it resumes (REST), which needs a binary representation.
     */
    public TransferResult retrieve(String path, OutputStream local, long restartAt, TransferListener listener)
            throws FtpException {
        return locked(() -> {
            Representation r = prepare(path, restartAt);
            return transfers.retrieve(path, local, restartAt, r, features, listener);
        });
    }

    /** Uploads with STOR; with {@code restartAt > 0} skips that many local bytes and resumes (REST). */
    public TransferResult store(String path, InputStream local, long restartAt, TransferListener listener)
            throws FtpException {
        return locked(() -> {
            Representation r = prepare(path, restartAt);
            skip(local, restartAt);
            return transfers.store(StoreCommand.STOR, path, local, restartAt, r, features, listener);
        });
    }

    /**
     * Starts an upload and returns the stream to write into; closing it completes the upload.
     * For relaying from another server: this session must not be used until the stream is closed.
     */
    public OutputStream openStore(String path, long restartAt) throws FtpException {
        return locked(() -> transfers.openStore(path, restartAt, prepare(path, restartAt), features));
    }

    /** Uploads with APPE (append to the remote file). */
    public TransferResult append(String path, InputStream local, TransferListener listener) throws FtpException {
        return locked(() -> transfers.store(StoreCommand.APPE, path, local, 0, prepare(path, 0), features, listener));
    }

    /** Uploads with STOU into the current directory; the result names the file the server chose. */
    public TransferResult storeUnique(InputStream local, TransferListener listener) throws FtpException {
        return locked(() -> transfers.store(StoreCommand.STOU, null, local, 0, prepare(null, 0), features, listener));
    }

    /** The file's representation (TYPE "auto" decides per name), negotiated on the wire. */
    private Representation prepare(String path, long restartAt) throws FtpException {
        Representation r = settings.representationFor(path);
        if (restartAt > 0 && !r.allowsRestart()) {
            throw new FtpSettingException("resuming needs TYPE I (or L 8), STRU F and MODE S; this site uses "
                    + r.describe() + ", so the transfer must start over");
        }
        negotiator.applyForTransfer(r, features);
        return r;
    }

    private static void skip(InputStream in, long n) throws FtpException {
        try {
            in.skipNBytes(n);
        } catch (IOException e) {
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
    public void disconnectNow() {
        transfers.abort();
        control.closeQuietly();
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
        FtpReply r = control.exchange(verb, arg);
        lastActivity = clock.instant();
        for (int ok : okCodes) {
            if (r.code() == ok) {
                return r;
            }
        }
        throw new FtpRefusedException(verb + (arg == null ? "" : " " + arg), r);
    }

    FtpReply readReply(String waitingFor) throws FtpException {
        return control.readReply(waitingFor);
    }

    void sendOnly(String verb, String arg) throws FtpException {
        control.sendOnly(verb, arg);
        lastActivity = clock.instant();
    }

    void applyTransferRepresentation(String path) throws FtpException {
        negotiator.applyForTransfer(settings.representationFor(path), features);
    }

    <T> T locked(Op<T> op) throws FtpException {
        lock.lock();
        try {
            T result = op.run();
            lastActivity = clock.instant();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Says goodbye (QUIT) briefly and closes the connection. */
    @Override
    public void close() {
        transfers.abort();
        lock.lock();
        try {
            if (control.isConnected()) {
                try {
                    control.setSoTimeout(2000);
                    control.exchange("QUIT", null);
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
            control.closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    interface Op<T> {
        T run() throws FtpException;
    }
}
