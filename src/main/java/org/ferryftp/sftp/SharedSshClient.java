package org.ferryftp.sftp;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.local.AgentImpl;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one MINA {@link SshClient} an application's SFTP sessions share (its I/O threads, ciphers and key
 * exchanges are set up once), started on first use and stopped by {@link #close()} at exit. What differs between
 * sessions (the host-key check, the ssh-agent) travels with each connection as attributes, so sessions to
 * different sites never see each other's.
 */
public final class SharedSshClient implements AutoCloseable {

    /** The session's own host-key check. */
    static final AttributeRepository.AttributeKey<ServerKeyVerifier> HOST_KEY_CHECK =
            new AttributeRepository.AttributeKey<>();
    /** The socket of the ssh-agent the session may use; absent when it uses none. */
    static final AttributeRepository.AttributeKey<Path> AGENT = new AttributeRepository.AttributeKey<>();

    private SshClient client;
    private boolean closed;

    /** The started client; every connection must carry a {@link #HOST_KEY_CHECK}. */
    synchronized SshClient client() throws IOException {
        if (closed) {
            throw new IOException("the application is shutting down");
        }
        if (client == null) {
            SshClient c = SshClient.setUpDefaultClient();
            c.setServerKeyVerifier((session, address, key) -> {
                ServerKeyVerifier own = context(session).getAttribute(HOST_KEY_CHECK);
                return own != null && own.verifyServerKey(session, address, key); // no check given: refused
            });
            c.setAgentFactory(new PerSessionAgent());
            c.start();
            client = c;
        }
        return client;
    }

    /** The attributes a session was connected with. */
    static AttributeRepository connection(ServerKeyVerifier hostKeyCheck, Path agent) {
        return agent == null ? AttributeRepository.ofKeyValuePair(HOST_KEY_CHECK, hostKeyCheck)
                : AttributeRepository.ofAttributesMap(Map.of(HOST_KEY_CHECK, hostKeyCheck, AGENT, agent));
    }

    private static AttributeRepository context(Session session) {
        AttributeRepository c = session instanceof ClientSession cs ? cs.getConnectionContext() : null;
        return c == null ? AttributeRepository.ofAttributesMap(Map.of()) : c;
    }

    /** Each session's own ssh-agent connection, or an empty agent when it was given none. */
    private static final class PerSessionAgent implements SshAgentFactory {
        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            Path socket = context(session).getAttribute(AGENT);
            return socket == null ? new AgentImpl() : new SshAgentSocket(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("Ferry does not forward its ssh-agent");
        }
    }

    /** Stops the client, which closes every session still open on it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.stop();
            client = null;
        }
    }
}
