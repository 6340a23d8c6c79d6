package org.ferryftp.sftp;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
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
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;

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

    /**
     * Bytes a channel may receive before Ferry confirms them. MINA keeps this much in SFTP read requests in flight
     * ({@link SftpSession#READ} each): 8 MiB is 33 requests of 248 KiB, four times the 2 MiB OpenSSH's client keeps
     * (64 of 32 KiB); MINA's 2 MiB default, which a reader briefly off the CPU drains, caps a link with 50 ms
     * round trips at 40 MB/s.
     */
    static final long WINDOW = 8L * 1024 * 1024;

    /**
     * The largest piece of channel data the server may send in one SSH packet: one whole SFTP read answer
     * ({@link SftpSession#READ} and its header), where MINA's default 32 KiB split a 128 KiB answer into five packets
     * to decrypt and parse (the queue's 64 MiB download measured about 10 % faster in one). MINA refuses packets over
     * 256 KiB.
     */
    static final long PACKET = SftpSession.READ + 1024L;

    private SshClient client;
    private boolean closed;

    /** The started client; every connection must carry a {@link #HOST_KEY_CHECK}. */
    synchronized SshClient client() throws IOException {
        if (closed) {
            throw new IOException("the application is shutting down");
        }
        if (client == null) {
            boolean nativeAesGcm = prepare(); // before MINA's own set-up, which takes a while too
            SshClient c = SshClient.setUpDefaultClient();
            c.setServerKeyVerifier((session, address, key) -> {
                ServerKeyVerifier own = context(session).getAttribute(HOST_KEY_CHECK);
                return own != null && own.verifyServerKey(session, address, key); // no check given: refused
            });
            c.setAgentFactory(new PerSessionAgent());
            c.setSessionFactory(AuthAfterServiceAccept.sessions(c));
            c.setServiceFactories(AuthAfterServiceAccept.services());
            c.setGlobalRequestHandlers(List.of(new AcknowledgedHostKeys(), KeepAliveHandler.INSTANCE)); // MINA's two
            // The JVM's options matter only without the native cipher; asking for them loads JMX (~20 ms).
            c.setCipherFactories(ciphers(nativeAesGcm ? List.of()
                    : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), nativeAesGcm));
            if (nativeAesGcm) {
                c.setSignatureFactories(signatures(c.getSignatureFactories()));
            }
            CoreModuleProperties.WINDOW_SIZE.set(c, WINDOW);
            CoreModuleProperties.MAX_PACKET_SIZE.set(c, PACKET);
            c.start();
            client = c;
        }
        return client;
    }

    /**
     * Starts loading the native crypto provider ({@link NativeAesGcm}) in the background, where this platform has
     * it; a second call does nothing. The key exchange's host-key check and the first cipher wait for it, and it
     * takes a cold JVM about 0.1-0.3 s (its library and self-tests): a command that will connect calls this as it
     * starts, so the load overlaps its own start-up and MINA's set-up instead of holding up the key exchange.
     *
     * @return whether the provider is bundled for this platform (it may still fail to load)
     */
    public static boolean prepare() {
        boolean bundled = NativeAesGcm.bundledForThisPlatform();
        if (bundled) {
            NativeAesGcm.preload();
        }
        return bundled;
    }

    /**
     * The ciphers to offer, best first. Where OpenSSL's AES-GCM is bundled ({@link NativeAesGcm}) it leads whatever
     * the JIT: it needs no warm-up. Otherwise the order suits how this JVM compiles: with the optimising compiler
     * (the window, a plain {@code java -jar}) the JDK's AES-GCM runs on the CPU's AES instructions and moves a
     * 64 MiB file about a third faster than ChaCha20; with only the quick compiler (the command-line launcher's
     * {@code -XX:TieredStopAtLevel=1}) those intrinsics are not used and MINA's pure-Java ChaCha20 is twice as fast.
     */
    static List<NamedFactory<Cipher>> ciphers(List<String> jvmArguments, boolean nativeAesGcm) {
        List<NamedFactory<Cipher>> all = new java.util.ArrayList<>();
        if (nativeAesGcm) {
            all.add(NativeAesGcm.factory(BuiltinCiphers.aes128gcm));
            all.add(NativeAesGcm.factory(BuiltinCiphers.aes256gcm));
            all.add(BuiltinCiphers.cc20p1305_openssh);
        } else if (jvmArguments.stream().anyMatch(a -> a.matches("-XX:TieredStopAtLevel=[0-3]"))) {
            all.addAll(List.of(BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm));
        } else {
            all.addAll(List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm, BuiltinCiphers.cc20p1305_openssh));
        }
        all.addAll(List.of(BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr));
        return all;
    }

    /** MINA's signatures in its order, the ECDSA ones checked by the native provider ({@link NativeAesGcm#ecdsa}). */
    static List<NamedFactory<Signature>> signatures(List<NamedFactory<Signature>> defaults) {
        return defaults.stream().map(f -> {
            if (f == BuiltinSignatures.nistp256) {
                return NativeAesGcm.ecdsa(f.getName(), "SHA256withECDSA");
            } else if (f == BuiltinSignatures.nistp384) {
                return NativeAesGcm.ecdsa(f.getName(), "SHA384withECDSA");
            } else if (f == BuiltinSignatures.nistp521) {
                return NativeAesGcm.ecdsa(f.getName(), "SHA512withECDSA");
            }
            return f;
        }).toList();
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
