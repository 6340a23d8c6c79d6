package org.ferryftp.fs;

import org.ferryftp.session.SessionException;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.RawCommands;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteTree;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A site as a {@link FileBrowser}, on its own browsing connection so that running transfers never
 * block listing. A connection that broke is replaced once, transparently, before an operation fails.
 */
public final class RemoteBrowser implements FileBrowser {

    /** Opens a connected, logged-in session. */
    @FunctionalInterface
    public interface SessionOpener {
        RemoteSession open() throws SessionException;
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run(RemoteSession session) throws SessionException;
    }

    private final String name;
    private final String url;
    private final SessionOpener opener;
    private RemoteSession session;
    private String home;
    /** Set by {@link #close()}: later calls (a search or tree listing still under way) fail instead of logging in. */
    private volatile boolean closed;

    /** @param url where the site is, as paths are described in messages, e.g. {@code sftp://ann@host:22} */
    public RemoteBrowser(String name, String url, SessionOpener opener) {
        this.name = name;
        this.url = url;
        this.opener = opener;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String home() throws SessionException {
        if (home == null) {
            home = run(RemoteSession::pwd);
        }
        return home;
    }

    @Override
    public DirectoryListing list(String path) throws SessionException {
        return list(path, batch -> true);
    }

    /** Streams the listing; a broken connection is replaced only while nothing has been handed over yet. */
    @Override
    public DirectoryListing list(String path, ListingBatches batches) throws SessionException {
        List<FileEntry> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        boolean[] delivered = {false};
        return run(s -> {
            entries.clear();
            unparsed.clear();
            s.list(path, batch -> {
                DirectoryListing d = toListing(path, batch);
                entries.addAll(d.entries());
                unparsed.addAll(d.unparsed());
                delivered[0] = true;
                return batches.accept(d);
            });
            return new DirectoryListing(path, entries, unparsed);
        }, () -> !delivered[0]);
    }

    private static DirectoryListing toListing(String path, ListingResult r) {
        List<FileEntry> entries = new ArrayList<>(r.entries().size());
        List<String> unparsed = new ArrayList<>(r.unparsed());
        for (RemoteEntry e : r.entries()) {
            if (e.hasSafeName()) {
                entries.add(FileEntry.of(e));
            } else {
                // Hostile or broken names are shown as problems, never offered as paths.
                unparsed.add(e.rawLine());
            }
        }
        return new DirectoryListing(path, entries, unparsed);
    }

    @Override
    public void makeDirectories(String path) throws SessionException {
        run(s -> {
            new RemoteTree(s).makeDirectories(path);
            return null;
        });
    }

    @Override
    public void rename(String from, String to) throws SessionException {
        run(s -> {
            s.rename(from, to);
            return null;
        });
    }

    @Override
    public void delete(String path, boolean directory, boolean recursive) throws SessionException {
        run(s -> {
            if (directory && recursive) {
                new RemoteTree(s).removeRecursively(path);
            } else if (directory) {
                s.removeDirectory(path);
            } else {
                s.delete(path);
            }
            return null;
        });
    }

    @Override
    public java.util.Optional<org.ferryftp.session.RemoteChecksum> checksum(String path, String algorithm)
            throws SessionException {
        return run(s -> {
            java.util.Optional<org.ferryftp.session.RemoteChecksums> c = s.feature(
                    org.ferryftp.session.RemoteChecksums.class);
            return c.isEmpty() ? java.util.Optional.<org.ferryftp.session.RemoteChecksum>empty()
                    : c.get().checksum(path);
        });
    }

    @Override
    public boolean setDirectoryTime(String path, java.time.Instant time) throws SessionException {
        return run(s -> {
            if (!s.canSetModificationTimes()) {
                return false;
            }
            try {
                s.setDirectoryModificationTime(path, time);
                return true;
            } catch (SessionException refused) {
                if (!s.isConnected()) {
                    throw refused;
                }
                return false; // refused for directories (or at all): the directory keeps the server's time
            }
        });
    }

    @Override
    public void chmod(String path, String octalMode) throws SessionException {
        run(s -> {
            s.chmod(octalMode, path);
            return null;
        });
    }

    /**
     * A command the user typed, on this browsing connection ({@link RawCommands}); the reply's lines whatever its
     * code. Sent once: a typed command may not be safe to repeat on a new connection.
     */
    public String custom(String line) throws SessionException {
        return run(s -> s.feature(RawCommands.class)
                .orElseThrow(() -> new SessionException(name + " takes no typed commands", false))
                .send(line), () -> false);
    }

    @Override
    public String join(String dir, String name) {
        return RemotePaths.join(dir, name);
    }

    @Override
    public String parent(String path) {
        String p = RemotePaths.normalize(path);
        return p.equals("/") || p.isEmpty() ? null : RemotePaths.parent(p);
    }

    @Override
    public String describe(String path) {
        return url + path;
    }

    private <T> T run(Operation<T> op) throws SessionException {
        return run(op, () -> true);
    }

    private <T> T run(Operation<T> op, BooleanSupplier retryable) throws SessionException {
        if (closed) {
            throw new SessionException(name + ": the connection was closed", false);
        }
        if (session == null || !session.isConnected()) {
            session = opener.open();
        }
        try {
            return op.run(session);
        } catch (SessionException e) {
            if (!e.isConnectionBroken() || !retryable.getAsBoolean()) {
                throw e;
            }
            session.close();
            session = opener.open();
            return op.run(session);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (session != null) {
            session.close();
        }
    }
}
