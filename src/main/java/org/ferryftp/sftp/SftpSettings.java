package org.ferryftp.sftp;

import org.ferryftp.session.SocketTunnel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to open an SFTP session.
 *
 * @param auth        what to offer, in order; the server's list of methods decides which are tried
 * @param connectTimeout TCP connect, key exchange and login, each
 * @param replyTimeout how long one SFTP request may wait for its answer
 * @param hostKeys    the known-hosts files to check the server's key against
 * @param policy      asked when the key is unknown or has changed
 * @param tunnel      the proxy to connect through, or null to connect directly
 */
public record SftpSettings(String host, int port, String user, List<SshAuth> auth, Duration connectTimeout,
                           Duration replyTimeout, KnownHosts hostKeys, HostKeyPolicy policy, SocketTunnel tunnel) {

    public static final int DEFAULT_PORT = 22;

    public SftpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        auth = List.copyOf(auth);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(hostKeys, "hostKeys");
        Objects.requireNonNull(policy, "policy");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    /** A direct connection, without a proxy. */
    public SftpSettings(String host, int port, String user, List<SshAuth> auth, Duration connectTimeout,
                        Duration replyTimeout, KnownHosts hostKeys, HostKeyPolicy policy) {
        this(host, port, user, auth, connectTimeout, replyTimeout, hostKeys, policy, null);
    }

    /** The same settings, connecting through {@code via} (null: directly). */
    public SftpSettings withTunnel(SocketTunnel via) {
        return new SftpSettings(host, port, user, auth, connectTimeout, replyTimeout, hostKeys, policy, via);
    }

    public static SftpSettings of(String host, int port, String user, List<SshAuth> auth, KnownHosts hostKeys,
                                  HostKeyPolicy policy) {
        return new SftpSettings(host, port, user, auth, Duration.ofSeconds(30), Duration.ofSeconds(30), hostKeys,
                policy);
    }

    /** {@code user@host:port}, as the log and the panes name the session. */
    public String label() {
        return user + "@" + host + ":" + port;
    }
}
