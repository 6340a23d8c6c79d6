package org.ferryftp.sftp;

import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.CheckFileNameExtension;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.ferryftp.session.TransferListener;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.ListingSink;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.RemoteChecksum;
import org.ferryftp.session.RemoteChecksums;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One SFTP session (SSH protocol 2, SFTP version 3 as OpenSSH speaks it) over Apache MINA SSHD: on the connection
 * its {@link SshLogin} opens, files listed, read and written with offsets. Reads and writes keep several requests in flight (MINA's asynchronous
 * streams), as OpenSSH's client does. One thread uses a session at a time; {@link #abort()} may come from another.
 */
public final class SftpSession implements RemoteSession {

    /** Entries handed to a listing's sink at a time. */
    static final int LISTING_BATCH = 1000;
    /**
     * Bytes per write request (and an upload's copy buffer). MINA keeps several in flight; 128 KiB requests moved
     * 64 MiB over loopback in about 60 % of the time 32 KiB ones took, and stay under OpenSSH's 256 KiB message limit.
     */
    static final int BUFFER = 128 * 1024;
    /**
     * Bytes per read request: 248 KiB, half as many requests and answers as 128 KiB for the same file (a cold JVM
     * runs each answer's handling interpreted at first). It stays under OpenSSH's largest read (255 KiB, its
     * limits@openssh.com) and, with its 13-byte header, fits one SSH packet under MINA's 256 KiB packet limit, which
     * a 255 KiB answer does not (the connection was dropped); a server that answers less is read in what it sends.
     */
    static final int READ = 248 * 1024;

    private final SshLogin login;
    private final Consumer<String> log;
    private final Clock clock;
    private final ReplyTimer replies;
    private SshConnection connection;
    private SftpClient sftp;
    private volatile Thread transferring;
    private volatile boolean aborted;
    /** When the last request went out, for {@link #keepAliveIfIdle}. */
    private volatile Instant lastUsed;

    /**
     * @param login how to reach and log in to the server
     * @param log   protocol events for the session log, one line each
     */
    public SftpSession(SshLogin login, Consumer<String> log) {
        this(login, log, Clock.systemUTC());
    }

    /** As {@link #SftpSession(SshLogin, Consumer)}, idle time measured on {@code clock}. */
    SftpSession(SshLogin login, Consumer<String> log, Clock clock) {
        this.login = login;
        this.log = log;
        this.clock = clock;
        this.lastUsed = clock.instant();
        this.replies = new ReplyTimer(login.replyTimeout(), this::closeQuietly);
    }

    /** Logs in, then opens the SFTP channel on that connection. */
    public void connect() throws SessionException {
        connection = login.open();
        try {
            SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(connection.session(), login.replyTimeout());
            sftp = SftpClientFactory.instance().createSftpClient(connection.session());
            log.accept("SFTP version " + sftp.getVersion());
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new SessionException("cannot start SFTP on " + login.where() + ": "
                    + Failures.oneLine(Failures.rootCause(e)), true, e);
        }
    }

    public boolean isConnected() {
        return sftp != null && sftp.isOpen() && connection.session().isOpen();
    }

    /** The directory the server starts in, absolute. */
    public String pwd() throws SessionException {
        return call("resolve the home directory", ".", () -> sftp.canonicalPath("."));
    }

    public ListingResult list(String path) throws SessionException {
        List<RemoteEntry> all = new ArrayList<>();
        list(path, batch -> all.addAll(batch.entries()));
        return new ListingResult(all, List.of());
    }

    /**
     * Streams the entries of {@code path} in batches, without {@code .} and {@code ..}; null or "" is the login
     * directory, as for FTP.
     */
    public void list(String dir, ListingSink sink) throws SessionException {
        String path = dir == null || dir.isEmpty() ? "." : dir;
        call("list", path, () -> {
            List<RemoteEntry> batch = new ArrayList<>();
            for (SftpClient.DirEntry e : sftp.readDir(path)) {
                String name = e.getFilename();
                if (name.equals(".") || name.equals("..")) {
                    continue;
                }
                replies.answered();
                batch.add(entry(path, e));
                if (batch.size() == LISTING_BATCH) {
                    if (!sink.accept(new ListingResult(batch, List.of()))) {
                        return null;
                    }
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(new ListingResult(batch, List.of()));
            }
            return null;
        });
    }

    private RemoteEntry entry(String dir, SftpClient.DirEntry e) throws IOException {
        SftpClient.Attributes a = e.getAttributes();
        EntryKind kind = a.isDirectory() ? EntryKind.DIRECTORY : a.isSymbolicLink() ? EntryKind.SYMLINK
                : a.isRegularFile() ? EntryKind.FILE : EntryKind.OTHER;
        String target = null;
        if (kind == EntryKind.SYMLINK) {
            target = sftp.readLink(child(dir, e.getFilename())); // as an FTP listing gives it
        }
        String[] longName = e.getLongFilename() == null ? new String[0] : e.getLongFilename().trim().split("\\s+");
        String owner = longName.length >= 9 ? longName[2] : a.getOwner();
        String group = longName.length >= 9 ? longName[3] : a.getGroup();
        return new RemoteEntry(e.getFilename(), kind, a.getFlags().contains(SftpClient.Attribute.Size) ? a.getSize() : -1,
                time(a.getModifyTime()), permissions(a), owner, group, target, e.getLongFilename());
    }

    private static Instant time(FileTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String permissions(SftpClient.Attributes a) {
        if (!a.getFlags().contains(SftpClient.Attribute.Perms)) {
            return "";
        }
        int p = a.getPermissions();
        String rwx = "rwxrwxrwx";
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            b.append((p & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return b.toString();
    }

    static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Size in bytes; a missing file fails with "no such file". */
    public long size(String path) throws SessionException {
        return call("size of", path, () -> sftp.stat(path).getSize());
    }

    public Instant modificationTime(String path) throws SessionException {
        return call("time of", path, () -> time(sftp.stat(path).getModifyTime()));
    }

    /** A regular file's size and time from one stat; a directory or nothing at all is absent. */
    @Override
    public RemoteFileStatus status(String path) throws SessionException {
        return call("look up", path, () -> {
            SftpClient.Attributes a;
            try {
                a = sftp.stat(path);
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    return new RemoteFileStatus.Absent();
                }
                throw e;
            }
            return a.isDirectory() ? new RemoteFileStatus.Absent()
                    : new RemoteFileStatus.Present(a.getSize(), time(a.getModifyTime()), "STAT");
        });
    }

    @Override
    public boolean isDirectory(String path) throws SessionException {
        return call("look up", path, () -> {
            try {
                return sftp.stat(path).isDirectory();
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    return false; // missing: not a directory, as the contract says
                }
                throw e;
            }
        });
    }

    /** Whether {@code path} exists; a permission error is an error, not "absent". */
    public boolean exists(String path) throws SessionException {
        return call("look up", path, () -> {
            try {
                sftp.lstat(path);
                return true;
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    return false;
                }
                throw e;
            }
        });
    }

    public void setModificationTime(String path, Instant time) throws SessionException {
        call("set the time of", path, () -> {
            SftpClient.Attributes now = sftp.stat(path);
            SftpClient.Attributes change = new SftpClient.Attributes();
            change.accessTime(now.getAccessTime() == null ? FileTime.from(time) : now.getAccessTime());
            change.modifyTime(FileTime.from(time));
            sftp.setStat(path, change);
            return null;
        });
    }

    /** SFTP sets times with SETSTAT, which every server that lets a file be written allows. */
    @Override
    public boolean canSetModificationTimes() {
        return true;
    }

    public void makeDirectory(String path) throws SessionException {
        call("create directory", path, () -> {
            sftp.mkdir(path);
            return null;
        });
    }

    public void removeDirectory(String path) throws SessionException {
        call("remove directory", path, () -> {
            sftp.rmdir(path);
            return null;
        });
    }

    public void delete(String path) throws SessionException {
        call("delete", path, () -> {
            sftp.remove(path);
            return null;
        });
    }

    /**
     * Renames {@code from} to {@code to}. SFTP version 3 servers (OpenSSH) refuse to replace an existing target;
     * Ferry's callers ask before a rename, so that refusal is reported as it is.
     */
    public void rename(String from, String to) throws SessionException {
        call("rename", from, () -> {
            sftp.rename(from, to);
            return null;
        });
    }

    public void chmod(String octalMode, String path) throws SessionException {
        int mode;
        try {
            mode = Integer.parseInt(octalMode, 8);
        } catch (NumberFormatException e) {
            throw new SessionException("bad mode " + octalMode + " (octal, e.g. 644)", false);
        }
        call("change the mode of", path, () -> {
            SftpClient.Attributes change = new SftpClient.Attributes();
            change.setPermissions(mode);
            sftp.setStat(path, change);
            return null;
        });
    }

    /**
     * Copies {@code path} from byte {@code restartAt} on into {@code local}.
     *
     * @return the bytes written to {@code local}
     */
    @Override
    public long download(String path, OutputStream local, long restartAt, TransferListener listener)
            throws SessionException {
        return transfer("download", path, () -> {
            try (InputStream in = sftp.read(path, READ)) {
                if (restartAt > 0 && in.skip(restartAt) != restartAt) {
                    throw new SessionException("cannot resume " + path + " at byte " + restartAt, false);
                }
                // MINA's stream writes each answer from its own buffer: one copy of every byte fewer than read(byte[])
                return in.transferTo(new Progress(local, listener));
            }
        });
    }

    /**
     * Writes the file {@code local} reads to {@code path}: 0 creates or truncates it; a {@code restartAt} keeps
     * what is there before that offset and skips as many bytes of {@code local} (a resumed upload).
     *
     * @return the bytes written
     */
    @Override
    public long upload(String path, InputStream local, long restartAt, TransferListener listener)
            throws SessionException {
        return transfer("upload", path, () -> {
            try (OutputStream out = writeFrom(path, restartAt)) {
                local.skipNBytes(restartAt); // as FTP's store: the local file from its start
                return copy(local, out, listener);
            }
        });
    }

    /**
     * The stream that writes {@code path} from {@code restartAt} on, for relaying from another server; its
     * failures are reported as this session's ({@link SessionException}s), closing it completes the file.
     */
    @Override
    public OutputStream openUpload(String path, long restartAt) throws SessionException {
        aborted = false;
        OutputStream out = call("upload", path, () -> writeFrom(path, restartAt));
        transferring = Thread.currentThread(); // until closed: an abort drops the connection, as during upload()
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (aborted) {
                    throw new SessionException("upload " + path + " cancelled", true);
                }
                call("upload", path, () -> {
                    out.write(b, off, len);
                    return null;
                });
            }

            @Override
            public void close() throws IOException {
                try {
                    call("upload", path, () -> {
                        out.close();
                        return null;
                    });
                } finally {
                    transferring = null;
                }
            }
        };
    }

    /** Opens {@code path} for writing: 0 creates or truncates it, an offset keeps what is there before it. */
    private OutputStream writeFrom(String path, long restartAt) throws IOException {
        EnumSet<SftpClient.OpenMode> modes = EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create);
        if (restartAt == 0) {
            modes.add(SftpClient.OpenMode.Truncate);
        }
        OutputStream out = sftp.write(path, BUFFER, modes);
        if (restartAt > 0) {
            ((SftpOutputStreamAsync) out).setOffset(restartAt);
        }
        return out;
    }

    /** An upload's copy, in whole requests' worth (InputStream.transferTo would read 8 KiB at a time). */
    private long copy(InputStream in, OutputStream out, TransferListener listener) throws IOException {
        byte[] buffer = new byte[BUFFER];
        Progress to = new Progress(out, listener);
        int n;
        while ((n = in.read(buffer)) > 0) {
            to.write(buffer, 0, n);
        }
        return to.total;
    }

    /** Counts what is written through it for the listener, as a piece that moved, and stops at an abort. */
    private final class Progress extends FilterOutputStream {
        private final TransferListener listener;
        private long total;

        Progress(OutputStream out, TransferListener listener) {
            super(out);
            this.listener = listener;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (aborted) {
                throw new InterruptedIOException("cancelled");
            }
            out.write(b, off, len);
            replies.answered();
            total += len;
            listener.transferred(total);
        }
    }

    private long transfer(String what, String path, Op<Long> op) throws SessionException {
        aborted = false;
        transferring = Thread.currentThread();
        try {
            return call(what, path, op);
        } finally {
            transferring = null;
        }
    }

    /** Resolves the home directory, a request every server answers, when the session has been idle that long. */
    @Override
    public boolean keepAliveIfIdle(Duration idle) throws SessionException {
        if (Duration.between(lastUsed, clock.instant()).compareTo(idle) < 0) {
            return false;
        }
        pwd();
        return true;
    }

    /**
     * Stops a transfer in progress from another thread. SFTP has no ABOR: the session is closed, which ends the
     * transfer at once, and a pool must then discard it ({@link #isConnected()} is false).
     */
    public void abort() {
        aborted = true;
        if (transferring != null) {
            closeQuietly();
        }
    }

    /** Drops the connection; SFTP has no command that could be left half-answered, so this is {@link #close()}. */
    @Override
    public void disconnectNow() {
        closeQuietly();
    }

    /**
     * The server's checksums where it offers the "check-file" extension (draft-ietf-secsh-filexfer-extensions; MINA's
     * server does, OpenSSH does not): one hash of the whole file by the strongest of SHA-256, SHA-1 and MD5.
     */
    @Override
    public <T> Optional<T> feature(Class<T> type) {
        if (type != RemoteChecksums.class || sftp == null) {
            return Optional.empty();
        }
        CheckFileNameExtension check = sftp.getExtension(CheckFileNameExtension.class);
        if (check == null || !check.isSupported()) {
            return Optional.empty();
        }
        return Optional.of(type.cast((RemoteChecksums) path -> call("checksum of", path, () -> {
            Map.Entry<String, Collection<byte[]>> hash;
            try {
                hash = check.checkFileName(path, List.of("sha256", "sha1", "md5"), 0, 0, 0);
            } catch (SftpException e) {
                // MINA refuses to hash an empty file ("invalid parameter"): no checksum, the size check stands.
                log.accept("no checksum of " + path + ": " + statusText(e));
                return Optional.<RemoteChecksum>empty();
            }
            String algorithm = switch (hash.getKey()) {
                case "sha256" -> "SHA-256";
                case "sha1" -> "SHA-1";
                case "md5" -> "MD5";
                default -> null;
            };
            if (algorithm == null || hash.getValue().isEmpty()) {
                return Optional.<RemoteChecksum>empty();
            }
            return Optional.of(new RemoteChecksum(algorithm, HexFormat.of().formatHex(hash.getValue().iterator()
                    .next())));
        })));
    }

    @Override
    public void note(String text) {
        log.accept(text);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (sftp != null) {
                sftp.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
        if (connection != null) {
            connection.close();
        }
    }

    @FunctionalInterface
    private interface Op<T> {
        T run() throws IOException;
    }

    /** Runs one request, turning MINA's failures into Ferry's: a status is a refusal, anything else a lost link. */
    private <T> T call(String what, String path, Op<T> op) throws SessionException {
        if (sftp == null) {
            throw new SessionException("not connected", true);
        }
        lastUsed = clock.instant();
        replies.start();
        try {
            return op.run();
        } catch (SessionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (replies.expired()) {
                throw new SessionException(what + " " + path + ": " + login.where() + " did not answer within "
                        + Failures.duration(replies.timeout()), true, e);
            }
            // readDir's iterator wraps the server's status in an unchecked exception
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SftpException status) {
                    throw new SftpRefusedException(what + " " + path + ": " + statusText(status), status.getStatus(),
                            e);
                }
            }
            if (aborted) {
                throw new SessionException(what + " " + path + " cancelled", true, e);
            }
            throw new SessionException(what + " " + path + " failed, connection lost: " + Failures.oneLine(e), true, e);
        } finally {
            replies.stop();
        }
    }

    private static String statusText(SftpException e) {
        return switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH -> "no such file or directory";
            case SftpConstants.SSH_FX_PERMISSION_DENIED -> "permission denied";
            case SftpConstants.SSH_FX_FILE_ALREADY_EXISTS -> "already exists";
            case SftpConstants.SSH_FX_DIR_NOT_EMPTY -> "directory not empty";
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
                    "no space left on the server";
            case SftpConstants.SSH_FX_OP_UNSUPPORTED -> "the server does not support this";
            default -> {
                String m = e.getMessage();
                yield m == null || m.isBlank() ? "refused (status " + e.getStatus() + ")" : Failures.oneLine(e);
            }
        };
    }
}
