package org.ferryftp.session;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One logged-in connection to a server, whatever its protocol: what the panes, the queue and the command line
 * need of FTP and SFTP alike. Abilities only some sessions have (server-to-server copies, TYPE/STRU/MODE, SITE
 * commands, server checksums) are features a session may offer, looked up with {@link #feature(Class)} (as
 * Cyberduck's {@code Session.getFeature}). One thread uses a session at a time; {@link #abort()} may come
 * from another. Failures are {@link SessionException}s whose {@link SessionException#isConnectionBroken()} tells a
 * pool whether the session can be reused.
 */
public interface RemoteSession extends AutoCloseable {

    void connect() throws SessionException;

    boolean isConnected();

    /** The directory the session is in (the login directory at first), absolute. */
    String pwd() throws SessionException;

    ListingResult list(String path) throws SessionException;

    /** Streams the entries of {@code path} to {@code sink} in batches, in order; the sink may stop it. */
    void list(String path, ListingSink sink) throws SessionException;

    /** True when {@code path} is an existing directory; false when it is a file or missing. */
    boolean isDirectory(String path) throws SessionException;

    /** A file's size in bytes. */
    long size(String path) throws SessionException;

    /**
     * Whether {@code path} is a file on the server, with its size and time as far as the server tells them: absent
     * (nothing, or a directory, has that name), or unknown when the server offers no way to tell.
     */
    RemoteFileStatus status(String path) throws SessionException;

    /**
     * As {@link #status}, for checks that need only whether the file is there and its size (a stored size after a
     * transfer, a name that must be free): the time may be left unknown where asking for it costs another round
     * trip (FTP's MDTM after SIZE).
     */
    default RemoteFileStatus sizeStatus(String path) throws SessionException {
        return status(path);
    }

    /**
     * Renames {@code from} to {@code to}, setting the file's modification time on the way where that costs no round
     * trip of its own (FTP sends it with the rename). True when the time is set; false leaves it to
     * {@link #setModificationTime} on {@code to}, as here by default.
     */
    default boolean renameKeepingTime(String from, String to, Instant time) throws SessionException {
        rename(from, to);
        return false;
    }

    /** {@link #sizeStatus} of each path, in order; FTP asks for them together, in one round trip. */
    default java.util.List<RemoteFileStatus> sizeStatuses(String... paths) throws SessionException {
        java.util.List<RemoteFileStatus> all = new java.util.ArrayList<>();
        for (String path : paths) {
            all.add(sizeStatus(path));
        }
        return all;
    }

    /** A file's modification time, or null when the server does not say. */
    Instant modificationTime(String path) throws SessionException;

    void setModificationTime(String path, Instant time) throws SessionException;

    /** Sets a directory's modification time, where the server allows it (by default as a file's). */
    default void setDirectoryModificationTime(String path, Instant time) throws SessionException {
        setModificationTime(path, time);
    }

    /** Whether {@link #setModificationTime} may work on this server, so transferred files can keep their times. */
    boolean canSetModificationTimes();

    void makeDirectory(String path) throws SessionException;

    void removeDirectory(String path) throws SessionException;

    void delete(String path) throws SessionException;

    void rename(String from, String to) throws SessionException;

    /** Unix permissions as octal digits, e.g. "644". */
    void chmod(String octalMode, String path) throws SessionException;

    /**
     * Copies {@code path} from byte {@code restartAt} on into {@code local}.
     *
     * @return the bytes the server sent
     */
    long download(String path, OutputStream local, long restartAt, TransferListener listener) throws SessionException;

    /**
     * As {@link #download}, telling {@code time} the file's modification time before the first byte arrives (null
     * when the server has none to tell): for a file whose listing gave its time too coarsely to keep. By default the
     * time is asked first; a protocol may ask it together with the transfer (FTP: MDTM in the same write as RETR).
     */
    default long downloadTellingTime(String path, OutputStream local, long restartAt, TransferListener listener,
                                     java.util.function.Consumer<Instant> time) throws SessionException {
        time.accept(modificationTime(path));
        return download(path, local, restartAt, listener);
    }

    /**
     * Writes the file {@code local} reads, from its start, to {@code path}: its first {@code restartAt} bytes are
     * skipped and the rest is written from that offset on (a resumed upload); 0 creates or replaces the file.
     *
     * @return the bytes written to the server
     */
    long upload(String path, InputStream local, long restartAt, TransferListener listener) throws SessionException;

    /**
     * Keeps an idle connection open: when nothing has been sent for {@code idle}, one harmless request (FTP's
     * NOOP); nothing when the session was used more recently or is busy.
     *
     * @return true when a keep-alive went out
     */
    boolean keepAliveIfIdle(Duration idle) throws SessionException;

    /**
     * Starts writing {@code path} from byte {@code restartAt} on (0 creates or replaces it) and returns the stream to
     * write into; closing it completes the file. For relaying from another server: this session must not be used
     * otherwise until the stream is closed.
     */
    OutputStream openUpload(String path, long restartAt) throws SessionException;

    /** Writes Ferry's own note into this session's log, e.g. why it did something the user did not ask for. */
    void note(String text);

    /**
     * A feature this session offers ({@link Representations}, {@link RemoteChecksums}, {@link RawCommands}, or a
     * protocol's own), or empty when it has none of that kind.
     */
    default <T> Optional<T> feature(Class<T> type) {
        return Optional.empty();
    }

    /**
     * Drops the connection at once, from any thread, without waiting for a command in progress: for work that
     * may wait on the server for minutes (a server-to-server copy). The session is unusable afterwards.
     */
    void disconnectNow();

    /** Stops a transfer in progress from another thread; the transferring thread then fails. */
    void abort();

    @Override
    void close();
}
