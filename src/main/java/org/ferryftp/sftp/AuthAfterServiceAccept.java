package org.ferryftp.sftp;

import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientConnectionServiceFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.ClientUserAuthService;
import org.apache.sshd.client.session.ClientUserAuthServiceFactory;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.ServiceFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the first login request only once the server has accepted the login service, as OpenSSH's and libssh2's
 * clients do. MINA sends it right behind its service request; the server's acceptance then arrives while the client
 * has nothing to send, so the client's TCP delays its acknowledgement (40 ms on Linux), and a server with Nagle's
 * algorithm on (OpenSSH during login) holds its answer to that first request until the acknowledgement comes. Sent
 * after the acceptance, the request carries the acknowledgement: a warm login to the CI's OpenSSH took about 50 ms
 * less.
 */
final class AuthAfterServiceAccept {

    private AuthAfterServiceAccept() {
    }

    /** The sessions of {@code client}: MINA's, noting when the server accepts a service. */
    static SessionFactory sessions(ClientFactoryManager client) {
        return new SessionFactory(client) {
            @Override
            protected ClientSessionImpl doCreateSession(IoSession io) throws Exception {
                return new Accepting(getClient(), io);
            }
        };
    }

    /** MINA's client services (login, then connection), the login's first request waiting for the acceptance. */
    static List<ServiceFactory> services() {
        return List.of(new ClientUserAuthServiceFactory() {
            @Override
            public Service create(Session session) throws IOException {
                return new WaitingUserAuth(session);
            }
        }, ClientConnectionServiceFactory.INSTANCE);
    }

    /** A client session that completes {@link #accepted} when the server accepts the service it asked for. */
    static final class Accepting extends ClientSessionImpl {
        final CompletableFuture<Void> accepted = new CompletableFuture<>();

        Accepting(ClientFactoryManager client, IoSession io) throws Exception {
            super(client, io);
        }

        @Override
        protected void handleServiceAccept(String serviceName, Buffer buffer) throws Exception {
            super.handleServiceAccept(serviceName, buffer);
            accepted.complete(null);
        }
    }

    private static final class WaitingUserAuth extends ClientUserAuthService {
        WaitingUserAuth(Session session) {
            super(session);
        }

        @Override
        protected IoWriteFuture sendInitialAuthRequest(ClientSession session, String service) throws IOException {
            if (session instanceof Accepting a && !a.accepted.isDone()) {
                // Sent from MINA's thread as it handles the acceptance; nobody waits on this write's future.
                a.accepted.thenRun(() -> {
                    try {
                        super.sendInitialAuthRequest(session, service);
                    } catch (IOException | RuntimeException e) {
                        a.exceptionCaught(e); // closes the session, which fails the login
                    }
                });
                return null;
            }
            return super.sendInitialAuthRequest(session, service);
        }
    }
}
