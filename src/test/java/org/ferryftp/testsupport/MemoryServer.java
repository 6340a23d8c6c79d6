package org.ferryftp.testsupport;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.ListingSink;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.TransferListener;
import org.ferryftp.transfer.SessionFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server held in memory, with {@link RemoteSession}s onto it, for queue logic tests where sockets are not the
 * point: files and directories, a log of the transfers with their offsets and of the notes, and faults on demand
 * (the next transfer breaks its connection after so many bytes, or holds there until it is aborted). It renames onto an existing file
 * only to refuse, as OpenSSH does. Thread-safe: the queue's workers share it.
 */
public final class MemoryServer {

    private static final int CHUNK = 64 * 1024;

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, Instant> times = new TreeMap<>();
    private final TreeSet<String> dirs = new TreeSet<>(List.of("/"));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final AtomicLong breakAfter = new AtomicLong(-1);
    private final AtomicInteger breaksLeft = new AtomicInteger();
    private final AtomicLong holdAfter = new AtomicLong(-1);
    private final CountDownLatch held = new CountDownLatch(1);

    public MemoryServer(Clock clock) {
        this.clock = clock;
    }

    public MemoryServer() {
        this(Clock.systemUTC());
    }

    /** The queue's session factory: every site opens a session onto this server. */
    public SessionFactory sessions() {
        return site -> {
            MemorySession s = new MemorySession();
            s.connect();
            return s;
        };
    }

    public synchronized void put(String path, byte[] data) {
        makeParents(path);
        files.put(path, data.clone());
        times.put(path, clock.instant());
    }

    public synchronized byte[] get(String path) {
        byte[] b = files.get(path);
        return b == null ? null : b.clone();
    }

    public synchronized boolean exists(String path) {
        return files.containsKey(path);
    }

    public synchronized Instant time(String path) {
        return times.get(path);
    }

    public synchronized List<String> names(String dir) {
        return children(dir).stream().map(RemoteEntry::name).toList();
    }

    /** What the sessions did, in order: "download PATH from OFFSET", "upload PATH from OFFSET", "note TEXT". */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** The next transfer that passes {@code bytes} (counted from its offset) loses its connection there. */
    public void breakNextTransferAfter(long bytes) {
        breakTransfersAfter(bytes, 1);
    }

    /** The next {@code times} transfers that pass {@code bytes} lose their connection there. */
    public void breakTransfersAfter(long bytes, int times) {
        breakAfter.set(bytes);
        breaksLeft.set(times);
    }

    /** The next transfer that passes {@code bytes} waits there until its session is aborted. */
    public void holdNextTransferAfter(long bytes) {
        holdAfter.set(bytes);
    }

    /** Waits until a transfer is held (see {@link #holdNextTransferAfter}). */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void makeParents(String path) {
        for (String p = RemotePaths.parent(path); !p.isEmpty() && dirs.add(p); p = RemotePaths.parent(p)) {
            if (p.equals("/")) {
                break;
            }
        }
    }

    private List<RemoteEntry> children(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        List<RemoteEntry> out = new ArrayList<>();
        for (String d : dirs) {
            if (d.startsWith(prefix) && d.length() > prefix.length() && d.indexOf('/', prefix.length()) < 0) {
                out.add(new RemoteEntry(d.substring(prefix.length()), EntryKind.DIRECTORY, -1, null, "rwxr-xr-x",
                        "", "", null, d));
            }
        }
        files.forEach((f, data) -> {
            if (f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0) {
                out.add(new RemoteEntry(f.substring(prefix.length()), EntryKind.FILE, data.length, times.get(f),
                        "rw-r--r--", "", "", null, f));
            }
        });
        return out;
    }

    /** One connection to the server. */
    private final class MemorySession implements RemoteSession {

        private volatile boolean connected;
        private volatile boolean aborted;

        @Override
        public void connect() {
            connected = true;
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        private void check() throws SessionException {
            if (!connected) {
                throw new SessionException("not connected", true);
            }
        }

        private SessionException missing(String what, String path) {
            return new SessionException(what + " " + path + ": no such file or directory", false);
        }

        @Override
        public String pwd() throws SessionException {
            check();
            return "/";
        }

        @Override
        public ListingResult list(String path) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                if (!dirs.contains(path)) {
                    throw missing("list", path);
                }
                return new ListingResult(children(path), List.of());
            }
        }

        @Override
        public void list(String path, ListingSink sink) throws SessionException {
            sink.accept(list(path));
        }

        @Override
        public boolean isDirectory(String path) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                return dirs.contains(path);
            }
        }

        @Override
        public long size(String path) throws SessionException {
            check();
            byte[] b = get(path);
            if (b == null) {
                throw missing("size of", path);
            }
            return b.length;
        }

        @Override
        public RemoteFileStatus status(String path) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                byte[] b = files.get(path);
                return b == null ? new RemoteFileStatus.Absent()
                        : new RemoteFileStatus.Present(b.length, times.get(path), "MEMORY");
            }
        }

        @Override
        public Instant modificationTime(String path) throws SessionException {
            check();
            return time(path);
        }

        @Override
        public void setModificationTime(String path, Instant time) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                if (!files.containsKey(path)) {
                    throw missing("set the time of", path);
                }
                times.put(path, time);
            }
        }

        @Override
        public boolean canSetModificationTimes() {
            return true;
        }

        @Override
        public void makeDirectory(String path) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                if (!dirs.contains(RemotePaths.parent(path)) || !dirs.add(path)) {
                    throw new SessionException("create directory " + path + ": refused", false);
                }
            }
        }

        @Override
        public void removeDirectory(String path) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                if (!children(path).isEmpty() || !dirs.remove(path)) {
                    throw new SessionException("remove directory " + path + ": refused", false);
                }
            }
        }

        @Override
        public void delete(String path) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                if (files.remove(path) == null) {
                    throw missing("delete", path);
                }
                times.remove(path);
            }
        }

        @Override
        public void rename(String from, String to) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                if (!files.containsKey(from)) {
                    throw missing("rename", from);
                }
                if (files.containsKey(to)) {
                    throw new SessionException("rename " + from + ": already exists", false);
                }
                files.put(to, files.remove(from));
                times.put(to, times.remove(from));
            }
        }

        @Override
        public void chmod(String octalMode, String path) throws SessionException {
            check();
        }

        @Override
        public long download(String path, OutputStream local, long restartAt, TransferListener listener)
                throws SessionException {
            check();
            byte[] data = get(path);
            if (data == null) {
                throw missing("download", path);
            }
            events.add("download " + path + " from " + restartAt);
            aborted = false;
            return move(data, (int) Math.min(restartAt, data.length), local::write, listener);
        }

        @Override
        public long upload(String path, InputStream local, long restartAt, TransferListener listener)
                throws SessionException {
            try (OutputStream out = openUpload(path, restartAt)) {
                local.skipNBytes(restartAt);
                return move(local.readAllBytes(), 0, out::write, listener);
            } catch (SessionException e) {
                throw e;
            } catch (IOException e) {
                throw new SessionException("upload " + path + ": " + e.getMessage(), false, e);
            }
        }

        /** Writes into the file as the bytes arrive, as a server does: a cut leaves what came before it. */
        @Override
        public OutputStream openUpload(String path, long restartAt) throws SessionException {
            check();
            synchronized (MemoryServer.this) {
                byte[] there = files.getOrDefault(path, new byte[0]);
                if (restartAt > there.length) {
                    throw new SessionException("upload " + path + ": cannot continue at " + restartAt + " of "
                            + there.length, false);
                }
                makeParents(path);
                files.put(path, Arrays.copyOf(there, (int) restartAt));
                times.put(path, clock.instant());
            }
            events.add("upload " + path + " from " + restartAt);
            aborted = false;
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    check();
                    synchronized (MemoryServer.this) {
                        ByteArrayOutputStream grown = new ByteArrayOutputStream();
                        grown.write(files.getOrDefault(path, new byte[0]));
                        grown.write(b, off, len);
                        files.put(path, grown.toByteArray());
                    }
                }
            };
        }

        @FunctionalInterface
        private interface Sink {
            void write(byte[] b, int off, int len) throws IOException;
        }

        /** Moves {@code data} from {@code from} into {@code sink} in chunks, with the faults asked for. */
        private long move(byte[] data, int from, Sink sink, TransferListener listener) throws SessionException {
            long moved = 0;
            try {
                for (int at = from; at < data.length; ) {
                    int n = Math.min(CHUNK, data.length - at);
                    long cut = breakAfter.get();
                    if (moved + n > cut && breaksLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        sink.write(data, at, (int) (cut - moved));
                        connected = false;
                        throw new SessionException("connection lost after " + cut + " bytes", true);
                    }
                    long hold = holdAfter.get();
                    if (hold >= 0 && moved + n > hold && holdAfter.compareAndSet(hold, -1)) {
                        held.countDown();
                        while (!aborted) {
                            synchronized (this) {
                                wait(50); // woken by abort()
                            }
                        }
                    }
                    if (aborted) {
                        connected = false;
                        throw new SessionException("transfer cancelled", true);
                    }
                    sink.write(data, at, n);
                    at += n;
                    moved += n;
                    listener.transferred(moved);
                }
                return moved;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionException("interrupted", true, e);
            } catch (SessionException e) {
                throw e;
            } catch (IOException e) {
                throw new SessionException("transfer: " + e.getMessage(), true, e);
            }
        }

        @Override
        public boolean keepAliveIfIdle(Duration idle) throws SessionException {
            check();
            return false;
        }

        @Override
        public void note(String text) {
            events.add("note " + text);
        }

        @Override
        public <T> Optional<T> feature(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public void disconnectNow() {
            abort();
            connected = false;
        }

        @Override
        public void abort() {
            aborted = true;
            synchronized (this) {
                notifyAll();
            }
        }

        @Override
        public void close() {
            connected = false;
        }
    }
}
