package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Queues against an embedded MINA server on a given port, through the public API only (also used by the crash child). */
final class MinaQueues {

    static final String SITE_ID = "mina";

    private MinaQueues() {
    }

    static SiteRef site(int port) {
        return site(port, 2);
    }

    static SiteRef site(int port, int maxConnections) {
        return new SiteRef(SITE_ID, "MINA", SessionSettings.of("127.0.0.1", port,
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)).withBufferSize(64 * 1024),
                maxConnections);
    }

    static SiteResolver resolver(int port) {
        return resolver(port, 2);
    }

    static SiteResolver resolver(int port, int maxConnections) {
        SiteRef site = site(port, maxConnections);
        return id -> id.equals(SITE_ID) ? Optional.of(site) : Optional.empty();
    }

    /** A queue with default settings otherwise; partial downloads resume on their own, existing files are skipped. */
    static TransferQueue queue(QueueSettings settings) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
        return TransferQueue.create(settings, sessions, ConflictPolicy.fixed(ConflictChoice.SKIP));
    }

    static void download(TransferQueue queue, SiteRef site, String remotePath, Path localDir) {
        queue.submit(List.of(new TransferRequest(Location.remote(site, remotePath), false,
                Location.local(localDir.toString()), Priority.NORMAL)));
    }
}
