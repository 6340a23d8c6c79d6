package org.ferryftp.site.trust;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.HostKeyVerdict;
import org.ferryftp.sftp.KnownHosts;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The window's host-key policy: a key the known-hosts files do not hold is put to the user. "Trust always" adds it
 * to Ferry's own known-hosts file (never to {@code ~/.ssh/known_hosts}); "trust once" keeps it in memory until Ferry
 * exits, so a pool opening more connections does not ask again. One question at a time.
 */
public final class HostKeyTrust implements HostKeyPolicy {

    private final KnownHosts knownHosts;
    private final HostKeyPrompt prompt;
    private final Consumer<String> problems;
    /** Keys trusted until exit; read without the lock by {@link #answerWithoutAsking}, while a question may be open. */
    private final Set<String> once = ConcurrentHashMap.newKeySet();

    /** @param problems receives messages for the log (e.g. a key that could not be saved) */
    public HostKeyTrust(KnownHosts knownHosts, HostKeyPrompt prompt, Consumer<String> problems) {
        this.knownHosts = knownHosts;
        this.prompt = prompt;
        this.problems = problems;
    }

    /** A key trusted once already, or known, needs no question: a pool's further connections are not made twice. */
    @Override
    public Optional<Boolean> answerWithoutAsking(String host, int port, PublicKey key, HostKeyVerdict verdict) {
        return verdict instanceof HostKeyVerdict.Known || once.contains(onceKey(host, port, KnownHosts.fingerprint(key)))
                ? Optional.of(true) : Optional.empty();
    }

    @Override
    public synchronized boolean accept(String host, int port, PublicKey key, HostKeyVerdict verdict) {
        String fingerprint = KnownHosts.fingerprint(key);
        String onceKey = onceKey(host, port, fingerprint);
        if (once.contains(onceKey)) {
            return true;
        }
        if (verdict instanceof HostKeyVerdict.Known) {
            return true;
        }
        TrustDecision decision;
        try {
            decision = prompt.ask(new HostKeyQuestion(host, port, KeyUtils.getKeyType(key), fingerprint, verdict));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        switch (decision) {
            case TRUST_ONCE -> once.add(onceKey);
            case TRUST_ALWAYS -> {
                once.add(onceKey);
                try {
                    knownHosts.trust(host, port, key);
                } catch (IOException e) {
                    problems.accept("could not save the host key of " + host + " (" + fingerprint + "): "
                            + e.getMessage() + "; it is trusted until Ferry exits");
                }
            }
            case REJECT -> {
                return false;
            }
        }
        return true;
    }

    private static String onceKey(String host, int port, String fingerprint) {
        return host + " " + port + " " + fingerprint;
    }
}
