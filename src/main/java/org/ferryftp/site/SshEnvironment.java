package org.ferryftp.site;

import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SshAuth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What SFTP sites connect with beyond their profile: the known-hosts files, who decides about a host key they do
 * not hold (the window's dialog, the command line's {@code --trust-fingerprint}), and the ssh-agent of this login
 * session.
 */
public record SshEnvironment(KnownHosts knownHosts, HostKeyPolicy policy, Optional<SshAuth.Agent> agent) {

    public SshEnvironment {
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(agent, "agent");
    }

    /** {@code ~/.ssh/known_hosts} and Ferry's own {@code known_hosts} in {@code configDir}; the agent of SSH_AUTH_SOCK. */
    public static SshEnvironment standard(Path configDir, HostKeyPolicy policy) {
        return new SshEnvironment(KnownHosts.standard(configDir), policy, SshAuth.Agent.fromEnvironment());
    }

    /**
     * The standard files of this process's config directory; a key they do not hold is refused. One instance, so
     * two password-free refs of a site are equal (a pane finds its site among the sources).
     */
    public static SshEnvironment knownOnly() {
        return KnownOnly.INSTANCE;
    }

    private static final class KnownOnly {
        static final SshEnvironment INSTANCE = standard(ConfigLocation.of(System.getenv()), HostKeyPolicy.KNOWN_ONLY);
    }
}
