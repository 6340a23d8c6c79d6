package org.ferryftp.ui.queue;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** A real transfer queue against embedded MINA, for the queue view's tests (like the transfer tests' fixture). */
final class MinaQueue implements AutoCloseable {

    final EmbeddedMinaServer server;
    final SiteRef site;
    final TransferQueue queue;
    final Path local;

    MinaQueue(Path serverRoot, Path local, int maxAttempts) {
        this.local = local;
        server = new EmbeddedMinaServer(serverRoot);
        site = new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)).withBufferSize(64 * 1024), 4);
        queue = TransferQueue.create(QueueSettings.DEFAULT.withMaxAttempts(maxAttempts), s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        }, ConflictPolicy.fixed(ConflictChoice.OVERWRITE));
    }

    void download(String remotePath) {
        queue.submit(List.of(new TransferRequest(Location.remote(site, remotePath), false,
                Location.local(local.toString()), Priority.NORMAL)));
    }

    static void writeRandom(Path file, int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        Files.createDirectories(file.getParent());
        Files.write(file, b);
    }

    @Override
    public void close() {
        queue.close();
        server.close();
    }
}
