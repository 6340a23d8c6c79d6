package org.ferryftp.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An FTP server for Ferry's tests that does exactly what a test tells it to, including what real servers refuse
 * (TYPE E, TYPE L n, STRU R/P, MODE Z) and what well-behaved servers never do (huge or malformed replies, stalls,
 * dropped connections). Data bytes are stored and served exactly as they travel on the wire: the server never
 * converts anything, so conversion tests can assert the client's side alone.
 *
 * <p>Listens on 127.0.0.1 at an ephemeral port as soon as it is constructed. Configure it before the client
 * connects (changes also reach running sessions). Every setter returns {@code this} for chaining. Paths given to
 * the file methods are absolute Unix paths.
 *
 * <pre>{@code
 * try (ScriptedFtpServer server = new ScriptedFtpServer()) {
 *     server.putFile("/pub/ebcdic.txt", wireBytes).refuse("STRU", "R");
 *     // ... let the client log in as ferry/secret on 127.0.0.1:server.port() and transfer ...
 *     assertEquals("E N", server.lastArgument("TYPE"));
 *     assertArrayEquals(expectedWireBytes, server.file("/pub/upload.txt"));
 * }
 * }</pre>
 *
 * <p>Session behaviour worth knowing: listings are sent in EBCDIC (IBM1047) after TYPE E, as a mainframe's
 * would be; commands received while a transfer runs wait for it (except ABOR); MODE Z
 * compresses every data connection, listings included; active data connections (PORT, EPRT, default data port)
 * go to loopback addresses only.
 */
public final class ScriptedFtpServer implements AutoCloseable {

    private static final AtomicInteger SERVER_IDS = new AtomicInteger();
    private static final Set<String> LISTING_VERBS = Set.of("LIST", "NLST", "MLSD");

    private final ServerSocket listener;
    private final ExecutorService threads;
    private final String threadNamePrefix;
    private final Set<ScriptedSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final ServedFiles files;
    private final CommandLog commandLog = new CommandLog();
    private final AtomicInteger brokenByClient = new AtomicInteger();

    private final ServerBehaviour behaviour = new ServerBehaviour();

    /** Starts listening on 127.0.0.1 at an ephemeral port, serving files kept in memory. */
    public ScriptedFtpServer() throws IOException {
        this(new VirtualFileSystem());
    }

    /**
     * Starts listening on 127.0.0.1 at an ephemeral port, serving the real directory {@code root}: what clients
     * store lands there, and what the test writes there is served at once.
     */
    public ScriptedFtpServer(java.nio.file.Path root) throws IOException {
        this(new DiskFileSystem(root));
    }

    private ScriptedFtpServer(ServedFiles files) throws IOException {
        this(files, InetAddress.getLoopbackAddress());
    }

    /** Starts listening on {@code address} (e.g. {@code ::1} for an IPv6 server), serving files kept in memory. */
    public static ScriptedFtpServer on(InetAddress address) throws IOException {
        return new ScriptedFtpServer(new VirtualFileSystem(), address);
    }

    private ScriptedFtpServer(ServedFiles files, InetAddress address) throws IOException {
        this.files = files;
        listener = new ServerSocket(0, 50, address);
        threadNamePrefix = "scripted-ftp-" + SERVER_IDS.incrementAndGet() + "-";
        AtomicInteger threadIds = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadNamePrefix + threadIds.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptConnections);
    }

    /** The ephemeral port the server listens on (host is 127.0.0.1 unless made with {@link #on}). */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Settings for a session to this server as {@code ferry}/{@code secret} (the default login), with 2 s timeouts:
     * a reply the server never sends fails the test quickly.
     */
    public org.ferryftp.ftp.SessionSettings sessionSettings() {
        return org.ferryftp.ftp.SessionSettings.of(host(), port(), org.ferryftp.ftp.Credentials.of("ferry", "secret"))
                .withTimeouts(new org.ferryftp.ftp.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Duration.ofSeconds(2)));
    }

    /** A session to this server with {@link #sessionSettings()}, connected and logged in; its log goes to {@code log}. */
    public org.ferryftp.ftp.FtpSession connect(org.ferryftp.ftp.LogListener log) throws org.ferryftp.ftp.FtpException {
        return connect(sessionSettings(), log);
    }

    /** A session to this server with {@code settings}, connected and logged in; its log goes to {@code log}. */
    public org.ferryftp.ftp.FtpSession connect(org.ferryftp.ftp.SessionSettings settings,
                                               org.ferryftp.ftp.LogListener log) throws org.ferryftp.ftp.FtpException {
        org.ferryftp.ftp.FtpSession s = new org.ferryftp.ftp.FtpSession(settings, "scripted", log);
        s.connect();
        return s;
    }

    /** The address the server listens on, as a host string ("127.0.0.1", "0:0:0:0:0:0:0:1"). */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** Like {@link #rfc959Only(int)}, on {@code address}. */
    public static ScriptedFtpServer rfc959Only(int code, InetAddress address) throws IOException {
        return on(address).withRfc959Only(code);
    }

    // ---- login ------------------------------------------------------------------------------------------

    /** Chooses the login dialogue; default {@link LoginScript#PASSWORD}. */
    public ScriptedFtpServer loginScript(LoginScript script) {
        behaviour.loginScript = script;
        return this;
    }

    /** The only accepted user and password (default ferry / secret); anything else gets 530. */
    public ScriptedFtpServer credentials(String user, String password) {
        behaviour.user = user;
        behaviour.password = password;
        return this;
    }

    /** The account ACCT must name in the ACCOUNT scripts (default "acct"). */
    public ScriptedFtpServer account(String account) {
        behaviour.account = account;
        return this;
    }

    /** Lets user "anonymous" (or "ftp") in with any password and account. Off by default. */
    public ScriptedFtpServer allowAnonymous(boolean allowed) {
        behaviour.anonymousAllowed = allowed;
        return this;
    }

    // ---- replies ----------------------------------------------------------------------------------------

    /** The SYST text after "215 " (default "UNIX Type: L8"). */
    public ScriptedFtpServer systemName(String text) {
        behaviour.systemName = text;
        return this;
    }

    /**
     * The FEAT lines, without the leading space; MODE Z is accepted only if "MODE Z" is among them. A line like
     * {@code HASH SHA-256*;SHA-1;MD5;CRC32} sets the algorithm HASH starts with (the one marked '*').
     */
    public ScriptedFtpServer features(String... lines) {
        behaviour.features = List.of(lines);
        return this;
    }

    /**
     * A server that implements RFC 959 and nothing newer (as old mainframe, embedded and appliance servers do):
     * no FEAT, SIZE, MDTM, REST STREAM, EPSV, EPRT, MLSD/MLST, OPTS UTF8, MFMT, checksums, MODE Z or SITE; each
     * of their commands is answered with {@code code} (500, 501, 502 or 504). PASV, SYST, APPE, STOU and the
     * rest of RFC 959 stay; {@link #lacks} takes away PASV or SYST as well.
     */
    public static ScriptedFtpServer rfc959Only(int code) throws IOException {
        return new ScriptedFtpServer().withRfc959Only(code);
    }

    /** Like {@link #rfc959Only(int)}, serving the real directory {@code root}. */
    public static ScriptedFtpServer rfc959Only(int code, java.nio.file.Path root) throws IOException {
        return new ScriptedFtpServer(root).withRfc959Only(code);
    }

    private ScriptedFtpServer withRfc959Only(int code) {
        Rfc959Extension.BEYOND_RFC959.forEach(extension -> lacks(extension, code));
        return this;
    }

    /**
     * The server does not have {@code extension}: FEAT does not list it and its commands get {@code code}
     * (500, 501, 502 or 504). For {@link Rfc959Extension#FEAT}, FEAT itself is refused.
     */
    public ScriptedFtpServer lacks(Rfc959Extension extension, int code) {
        Rfc959Extension.refusal(code, FtpCommand.parse(extension.name())); // rejects codes that are no refusal
        behaviour.refusedExtensions.put(extension, code);
        behaviour.advertisedAnyway.remove(extension);
        return this;
    }

    /**
     * The server lists {@code extension} in FEAT but answers its commands with {@code code}, as servers do
     * that advertise what a configuration switched off (or allow it only for some files or types).
     */
    public ScriptedFtpServer refusesAdvertised(Rfc959Extension extension, int code) {
        lacks(extension, code);
        behaviour.advertisedAnyway.add(extension);
        if (extension == Rfc959Extension.EPRT && !behaviour.features.contains("EPRT")) {
            List<String> f = new java.util.ArrayList<>(behaviour.features);
            f.add("EPRT");
            behaviour.features = List.copyOf(f);
        }
        return this;
    }

    /** Makes {@code verb argument} (both case-insensitive) fail with "504 VERB ARG not implemented for that parameter". */
    public ScriptedFtpServer refuse(String verb, String argument) {
        behaviour.refusals.add(ServerBehaviour.refusalKey(verb, argument));
        return this;
    }

    /**
     * Understands SITE UTIME in these forms: 2 for {@code SITE UTIME YYYYMMDDhhmmss path}, 5 for ProFTPD's
     * {@code SITE UTIME path atime mtime ctime UTC}; the other is a syntax error (501).
     */
    public ScriptedFtpServer siteUtime(Integer... forms) {
        behaviour.siteUtimeForms = Set.of(forms);
        return this;
    }

    /** Creates (or truncates) the target of STOR before its data connection opens, as vsftpd does. */
    public ScriptedFtpServer createsTargetOnStore() {
        behaviour.createsTargetOnStore = true;
        return this;
    }

    /**
     * Answers STOR and APPE (150, then 226) only after their data has all arrived: a client that waits for the 150
     * before it sends waits for ever (until its reply timeout).
     */
    public ScriptedFtpServer answersUploadAfterData() {
        behaviour.answersUploadAfterData = true;
        return this;
    }

    /**
     * Like vsftpd, leaves its passive listener open when it refuses STOR (553): the client's data connection is
     * queued but never read, so a client that sends a large file before reading the answer blocks.
     */
    public ScriptedFtpServer keepsListenerOnRefusedStore() {
        behaviour.keepsListenerOnRefusedStore = true;
        return this;
    }

    /** Refuses RNTO onto an existing file (553), as some servers do, instead of replacing it. */
    public ScriptedFtpServer refusesRenameOntoFile() {
        behaviour.refusesRenameOntoFile = true;
        return this;
    }

    /** Puts this dotted IPv4 address into 227 replies instead of 127.0.0.1; the real listener stays on loopback. */
    /**
     * Offers explicit TLS (AUTH TLS, PBSZ, PROT P/C) with a key store from {@code org/ferryftp/tls/}; with
     * {@code sscn}, also SSCN ON/OFF (acting as TLS client on data connections, for secure FXP). As a TLS
     * client it trusts any certificate: it is a test server.
     */
    public ScriptedFtpServer tls(String keyStore, boolean sscn) {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            try (var in = ScriptedFtpServer.class.getResourceAsStream("/org/ferryftp/tls/" + keyStore)) {
                ks.load(in, "ferry-test".toCharArray());
            }
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "ferry-test".toCharArray());
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
            behaviour.tls = context;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the test server's TLS", e);
        }
        List<String> f = new java.util.ArrayList<>(behaviour.features);
        f.addAll(List.of("AUTH TLS", "PBSZ", "PROT"));
        if (sscn) {
            f.add("SSCN");
        }
        behaviour.features = List.copyOf(f);
        return this;
    }

    /** After {@link #tls}: also offers CPSV (PASV as the TLS client of that data connection), without SSCN. */
    public ScriptedFtpServer cpsv() {
        List<String> f = new java.util.ArrayList<>(behaviour.features);
        f.add("CPSV");
        behaviour.features = List.copyOf(f);
        return this;
    }

    private static final class TrustAll extends javax.net.ssl.X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    public ScriptedFtpServer pasvReplyAddress(String dottedIpv4) {
        behaviour.pasvReplyAddress = dottedIpv4;
        return this;
    }

    /**
     * Sends exactly these lines (each followed by CRLF) as the LIST, NLST or MLSD data of directory {@code dir},
     * whether or not the directory exists in the virtual file system.
     */
    public ScriptedFtpServer setListing(String dir, String verb, List<String> lines) {
        String upperVerb = upper(verb);
        if (!LISTING_VERBS.contains(upperVerb)) {
            throw new IllegalArgumentException("not a listing command: " + verb);
        }
        behaviour.listings.put(upperVerb + " " + absolute(dir), List.copyOf(lines));
        return this;
    }

    /**
     * Answers LIST and NLST of a path that does not exist the way vsftpd does: 150, an empty listing, then
     * {@code 226 Transfer done (but failed to open directory).} (instead of 550).
     */
    public ScriptedFtpServer listMissingLikeVsftpd() {
        behaviour.listsMissingLikeVsftpd = true;
        return this;
    }

    // ---- misbehaviour -----------------------------------------------------------------------------------

    /**
     * Makes HASH, XSHA256, XSHA1, XMD5 and XCRC of {@code absPath} report a checksum with its last hex digit
     * changed (the file itself stays intact), e.g. to test that a mismatch leads to a retry.
     */
    public ScriptedFtpServer wrongChecksum(String absPath) {
        behaviour.wrongChecksums.add(absolute(absPath));
        return this;
    }

    /** Makes checksums of {@code absPath} correct again. */
    public ScriptedFtpServer correctChecksum(String absPath) {
        behaviour.wrongChecksums.remove(absolute(absPath));
        return this;
    }

    /** Sends these raw bytes (UTF-8, sent as given: include the CRLFs) as the greeting. */
    public ScriptedFtpServer greeting(String rawReplyLines) {
        behaviour.greeting = utf8(rawReplyLines);
        return this;
    }

    /**
     * Answers every {@code verb} command with exactly these UTF-8 bytes (include the CRLFs) instead of handling
     * it. A scripted USER/PASS/ACCT reply that starts with "230" counts as a successful login.
     */
    public ScriptedFtpServer script(String verb, String rawReply) {
        return script(verb, utf8(rawReply));
    }

    /** Like {@link #script(String, String)} with arbitrary bytes, e.g. invalid UTF-8. */
    public ScriptedFtpServer script(String verb, byte[] rawReply) {
        behaviour.scriptedReplies.put(upper(verb), rawReply.clone());
        return this;
    }

    /** Reads {@code verb} and then never answers or reads again; the connection stays open until close(). */
    public ScriptedFtpServer stall(String verb) {
        behaviour.stalledVerbs.add(upper(verb));
        return this;
    }

    /** RETR of {@code path} sends this many bytes, then hangs with the data connection open until ABOR or close(). */
    public ScriptedFtpServer stallData(String path, int bytesBeforeStall) {
        behaviour.dataStalls.put(absolute(path), bytesBeforeStall);
        return this;
    }

    /**
     * Answers {@code verb} (or greets, for {@code verb} "") with a multi-line reply that never ends: one more
     * continuation line every {@code intervalMillis}, until the client goes away or the server closes.
     */
    public ScriptedFtpServer trickle(String verb, int intervalMillis) {
        behaviour.tricklingVerbs.put(upper(verb), intervalMillis);
        return this;
    }

    /** The next upload (STOR/APPE) to {@code path} keeps {@code bytes} more bytes, then its data connection breaks (426). */
    public ScriptedFtpServer cutUpload(String path, int bytes) {
        behaviour.uploadCuts.put(absolute(path), bytes);
        return this;
    }

    /** Closes the control connection, without a reply, when {@code verb} arrives. */
    public ScriptedFtpServer dropOn(String verb) {
        behaviour.droppingVerbs.add(upper(verb));
        return this;
    }

    /**
     * The next time {@code verb} arrives, carries it out and then closes the control connection before its
     * reply goes out: the client cannot tell whether it happened.
     */
    public ScriptedFtpServer dropAfterNext(String verb) {
        behaviour.droppingAfterVerbs.add(upper(verb));
        return this;
    }

    // ---- virtual file system ----------------------------------------------------------------------------

    /** Stores a file with exactly these wire bytes, creating missing parent directories. */
    public ScriptedFtpServer putFile(String absPath, byte[] wireBytes) {
        files.putFile(absolute(absPath), wireBytes);
        return this;
    }

    /** The exact bytes last stored at this path (by putFile, STOR, APPE or STOU), or null if there is no file. */
    public byte[] file(String absPath) {
        return files.read(absolute(absPath));
    }

    public boolean exists(String absPath) {
        return files.exists(absolute(absPath));
    }

    public boolean isDirectory(String absPath) {
        return files.isDirectory(absolute(absPath));
    }

    /** Creates a directory and any missing parents. */
    public ScriptedFtpServer mkdir(String absPath) {
        files.mkdirs(absolute(absPath));
        return this;
    }

    /** Names in a directory, sorted; empty if it does not exist. */
    public List<String> names(String absDir) {
        return files.children(absolute(absDir)).stream().map(VirtualFileSystem.Entry::name).toList();
    }

    /** Sets the modification time MDTM, MLSD and LIST report (default: time of the last write). */
    public ScriptedFtpServer setModifiedTime(String absPath, Instant time) {
        if (!files.setModified(absolute(absPath), time)) {
            throw new IllegalArgumentException("no such file: " + absPath);
        }
        return this;
    }

    /** The modification time, or null if the path does not exist. */
    public Instant modifiedTime(String absPath) {
        VirtualFileSystem.Entry entry = files.entry(absolute(absPath));
        return entry == null ? null : entry.modified();
    }

    /** The mode last set by SITE CHMOD, exactly as sent (e.g. "755"), or null. */
    public String mode(String absPath) {
        VirtualFileSystem.Entry entry = files.entry(absolute(absPath));
        return entry == null ? null : entry.mode();
    }

    // ---- recording --------------------------------------------------------------------------------------

    /** Every command line received, in order, across all sessions, without CRLF (Telnet IAC sequences removed). */
    /**
     * Transfers whose data connection the client broke before any ABOR (what makes ProFTPD's mod_tls end
     * the session under TLS).
     */
    public int transfersBrokenByTheClient() {
        return brokenByClient.get();
    }

    void transferBrokenByTheClient() {
        brokenByClient.incrementAndGet();
    }

    public List<String> commands() {
        return commandLog.commands();
    }

    /** The argument of the last {@code verb} command ("" if it had none), or null if none was received. */
    public String lastArgument(String verb) {
        return commandLog.lastArgument(verb);
    }

    /** Waits until a {@code verb} command has been received; false on timeout. */
    public boolean awaitCommand(String verb, Duration timeout) throws InterruptedException {
        return commandLog.await(verb, timeout);
    }

    /** How many control connections have been accepted so far. */
    public int connectionCount() {
        return connections.get();
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    /**
     * Closes the listener and every control and data socket, releases stalled sessions and waits for all server
     * threads to end. Idempotent.
     *
     * @throws IllegalStateException if a server thread is still running after five seconds (a bug in this class)
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        ScriptedDataChannel.closeQuietly(listener);
        sessions.forEach(ScriptedSession::close);
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("scripted FTP server threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptConnections() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // listener closed
            }
            connections.incrementAndGet();
            ScriptedSession session = new ScriptedSession(this, socket);
            sessions.add(session);
            try {
                threads.execute(() -> {
                    try {
                        session.run();
                    } finally {
                        sessions.remove(session);
                    }
                });
            } catch (RejectedExecutionException e) {
                session.close();
            }
            if (closed.get()) {
                session.close(); // close() may have iterated the sessions before this one was added
            }
        }
    }

    // ---- used by the sessions ---------------------------------------------------------------------------

    void record(String line) {
        commandLog.record(line);
    }

    void execute(Runnable task) {
        threads.execute(task);
    }

    /** Blocks a deliberately stalled thread until the server closes. */
    void awaitClose() throws InterruptedException {
        closing.await();
    }

    /** True once the server closes; false after {@code millis} while it is still open. */
    boolean awaitClose(long millis) throws InterruptedException {
        return closing.await(millis, TimeUnit.MILLISECONDS);
    }

    ServedFiles files() {
        return files;
    }

    ServerBehaviour behaviour() {
        return behaviour;
    }

    String threadNamePrefix() {
        return threadNamePrefix;
    }

    private static String absolute(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("absolute path expected: " + path);
        }
        return VirtualFileSystem.resolve("/", path);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
