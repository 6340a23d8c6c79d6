package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A queue wired to an embedded MINA server, with short retry delays for tests. */
final class QueueFixture implements AutoCloseable {

    final AtomicReference<EmbeddedMinaServer> server = new AtomicReference<>();
    final AtomicInteger port = new AtomicInteger();
    final SiteRef site;
    final TransferQueue queue;

    QueueFixture(Path serverRoot, QueueSettings settings, ConflictPolicy conflicts, int maxConnections) {
        startServer(serverRoot);
        site = new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", port.get(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)).withBufferSize(64 * 1024),
                maxConnections);
        queue = newQueue(settings, conflicts);
    }

    /** Another queue on the same site and server, e.g. to play Ferry started again. */
    TransferQueue newQueue(QueueSettings settings, ConflictPolicy conflicts) {
        RetryPolicy retry = new RetryPolicy(settings.maxAttempts(), Duration.ofMillis(50), Duration.ofMillis(200), 0,
                new Random(1));
        // The port may change when a test restarts the server, so sessions read it when they open.
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings().withPort(port.get()), LogListener.NONE);
            session.connect();
            return session;
        };
        return TransferQueue.create(settings, sessions, conflicts, retry);
    }

    QueueFixture(Path serverRoot) {
        this(serverRoot, QueueSettings.DEFAULT, ConflictPolicy.fixed(ConflictChoice.SKIP), 4);
    }

    void startServer(Path root) {
        EmbeddedMinaServer s = new EmbeddedMinaServer(root);
        server.set(s);
        port.set(s.port());
    }

    EmbeddedMinaServer server() {
        return server.get();
    }

    Location remote(String path) {
        return Location.remote(site, path);
    }

    void download(String remotePath, boolean directory, Path localDir) {
        queue.submit(List.of(new TransferRequest(remote(remotePath), directory, Location.local(localDir.toString()),
                Priority.NORMAL)));
    }

    void upload(Path local, boolean directory, String remoteDir) {
        queue.submit(List.of(new TransferRequest(Location.local(local.toString()), directory, remote(remoteDir),
                Priority.NORMAL)));
    }

    void awaitIdle() throws InterruptedException {
        if (!queue.awaitIdle(Duration.ofSeconds(60))) {
            throw new AssertionError("queue did not finish: " + queue.snapshot());
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void write(Path p, byte[] data) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, data);
    }

    @Override
    public void close() {
        queue.close();
        server().close();
    }
}
