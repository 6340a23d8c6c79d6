package org.ferryftp.transfer.edit;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;

/** A site, sessions and an overwriting queue on an embedded MINA server, for the edit tests. */
public final class MinaEdits {

    private MinaEdits() {
    }

    public static SiteRef site(EmbeddedMinaServer server) {
        return new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
    }

    public static SessionFactory sessions() {
        return s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
    }

    /** Whether {@code file} holds {@code content} now; false while an upload is replacing it. */
    public static boolean holds(java.nio.file.Path file, String content) {
        try {
            return java.nio.file.Files.readString(file).equals(content);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static TransferQueue queue() {
        return TransferQueue.create(QueueSettings.DEFAULT, sessions(), ConflictPolicy.fixed(ConflictChoice.OVERWRITE));
    }
}
