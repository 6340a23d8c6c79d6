package org.ferryftp.sftp;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.ferryftp.session.SessionException;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The SSH side of an SFTP session: connects, checks the server's host key against the known-hosts files (an
 * unknown or changed one goes to the policy), and logs in with what the settings offer (password,
 * keyboard-interactive answered with the password, key files, the ssh-agent).
 */
public final class SshLogin {

    private final SftpSettings settings;
    private final SharedSshClient clients;
    /** True when {@link #clients} is this login's own, stopped when its connection closes. */
    private final boolean ownsClients;
    private final Consumer<String> log;

    /**
     * @param clients the application's SSH client, shared by its sessions
     * @param log     protocol events for the session log, one line each
     */
    public SshLogin(SftpSettings settings, SharedSshClient clients, Consumer<String> log) {
        this(settings, clients, false, log);
    }

    private SshLogin(SftpSettings settings, SharedSshClient clients, boolean ownsClients, Consumer<String> log) {
        this.settings = settings;
        this.clients = clients;
        this.ownsClients = ownsClients;
        this.log = log;
    }

    /** A login on an SSH client of its own (a command-line run that opens one session), stopped with its connection. */
    public static SshLogin withOwnClient(SftpSettings settings, Consumer<String> log) {
        return new SshLogin(settings, new SharedSshClient(), true, log);
    }

    /** How long one SFTP request may wait for its answer. */
    java.time.Duration replyTimeout() {
        return settings.replyTimeout();
    }

    /** {@code host:port}, as messages name the server. */
    String where() {
        return settings.host() + ":" + settings.port();
    }

    /**
     * Connects and logs in. The host-key policy (for a key the known-hosts files do not vouch for) and a password
     * asked for on request are asked here, on the calling thread, between two connections: MINA would ask from its
     * network thread, which a dialog would hold, while the connection's timeout ran on (and the server's own login
     * grace time with it).
     *
     * @throws HostKeyException when the host key is not trusted
     * @throws SessionException when the server cannot be reached (worth a retry) or refuses the login (not)
     */
    public SshConnection open() throws SessionException {
        HostKeyCheck hostKey = new HostKeyCheck();
        Optional<SshAuth.PasswordOnRequest> onRequest = onRequest();
        PasswordAnswers answers = new PasswordAnswers(given(), onRequest.isPresent());
        try {
            try {
                return logInAsking(settings.auth(), answers, hostKey);
            } catch (HostKeyException e) {
                throw e;
            } catch (SessionException refused) {
                if (!answers.wanted || onRequest.isEmpty() || refused.isConnectionBroken()) {
                    throw refused;
                }
                log.accept("the server takes a password; asking for it");
                Optional<String> password = onRequest.get().ask().get();
                if (password.isEmpty()) {
                    throw refused;
                }
                // Only the password this time: the keys were refused already, and servers count every attempt.
                return logInAsking(List.of(new SshAuth.Password(password.get())), new PasswordAnswers(password, false),
                        hostKey);
            }
        } catch (SessionException | RuntimeException e) {
            if (ownsClients) {
                clients.close();
            }
            throw e;
        }
    }

    /** {@link #logIn}; a host key the known-hosts files do not vouch for goes to the policy, then a new connection. */
    private SshConnection logInAsking(List<SshAuth> auth, PasswordAnswers answers, HostKeyCheck hostKey)
            throws SessionException {
        try {
            return logIn(auth, answers, hostKey);
        } catch (HostKeyException e) {
            PublicKey key = hostKey.presented;
            if (key == null || hostKey.accepted != null
                    || !settings.policy().accept(settings.host(), settings.port(), key, e.verdict())) {
                throw e;
            }
            hostKey.accepted = key;
            log.accept("host key " + KnownHosts.fingerprint(key) + " accepted");
            return logIn(auth, answers, hostKey);
        }
    }

    /** One connection and login with {@code auth}. */
    private SshConnection logIn(List<SshAuth> auth, PasswordAnswers answers, HostKeyCheck hostKey)
            throws SessionException {
        hostKey.verdict = null;
        ClientSession session = null;
        TunnelBridge bridge = null;
        boolean loggingIn = false;
        try {
            Path agent = auth.stream().filter(SshAuth.Agent.class::isInstance)
                    .map(a -> ((SshAuth.Agent) a).socket()).findFirst().orElse(null);
            var context = SharedSshClient.connection((s, address, key) -> hostKey.verify(key), agent);
            log.accept("connecting to " + where() + (settings.tunnel() == null ? "" : " through the proxy"));
            if (settings.tunnel() == null) {
                session = clients.client().connect(settings.user(), settings.host(), settings.port(), context)
                        .verify(settings.connectTimeout()).getSession();
            } else {
                // Host keys are still checked against the server's own name and port (settings), not the bridge's.
                bridge = TunnelBridge.start(settings.tunnel().open(settings.host(), settings.port(),
                        (int) settings.connectTimeout().toMillis()), where());
                session = clients.client().connect(settings.user(), bridge.address(), context, null)
                        .verify(settings.connectTimeout()).getSession();
                TunnelBridge opened = bridge;
                session.addCloseFutureListener(f -> opened.close());
            }
            CoreModuleProperties.AUTH_TIMEOUT.set(session, settings.connectTimeout());
            session.setUserInteraction(answers);
            String version = session.getServerVersion(); // null until the server's greeting has come
            log.accept("connected to " + where() + (version == null ? "" : ": " + version));
            for (SshAuth a : auth) {
                if (a instanceof SshAuth.Password p) {
                    session.addPasswordIdentity(p.password());
                } else if (a instanceof SshAuth.KeyFile k) {
                    for (KeyPair pair : loadKey(k)) {
                        session.addPublicKeyIdentity(pair);
                    }
                }
            }
            loggingIn = true;
            session.auth().verify(settings.connectTimeout());
            log.accept("logged in as " + settings.user());
            return new SshConnection(session, ownsClients ? clients : null);
        } catch (SessionException e) {
            close(session, bridge);
            throw e;
        } catch (IOException | RuntimeException e) {
            close(session, bridge);
            HostKeyVerdict refused = hostKey.verdict;
            if (refused != null && !(refused instanceof HostKeyVerdict.Known)) {
                throw new HostKeyException(settings.host(), settings.port(), refused);
            }
            if (Failures.rootCause(e) instanceof TimeoutException) { // the server took the connection, then went quiet
                throw new SessionException(where() + " did not answer within "
                        + Failures.duration(settings.connectTimeout()) + " while "
                        + (loggingIn ? "logging in as " + settings.user() : "connecting"), true, e);
            }
            Throwable root = Failures.rootCause(e);
            if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
                throw new SessionException("cannot find host " + settings.host() + ": the name does not resolve",
                        true, e); // as FTP says it; MINA's own is the exception's bare name
            }
            String why = Failures.oneLine(loggingIn ? e : root); // MINA wraps "Connection refused"
            throw new SessionException(loggingIn
                    ? "login to " + where() + " as " + settings.user() + " refused: " + why
                    : "cannot connect to " + where() + ": " + why, !loggingIn, e);
        }
    }

    /** Closes a connection that did not log in; the client stays for another try. */
    private static void close(ClientSession session, TunnelBridge bridge) {
        new SshConnection(session, null).close();
        if (bridge != null) {
            bridge.close();
        }
    }

    /** A login's host-key check, over its connections: what the server presented, and the key the policy accepted. */
    private final class HostKeyCheck {
        volatile PublicKey presented;
        volatile HostKeyVerdict verdict;
        volatile PublicKey accepted;

        /**
         * On MINA's thread: what the known-hosts files say, the key accepted, or the policy's answer where it needs
         * no question; a question is asked by open(), between connections.
         */
        boolean verify(PublicKey key) {
            presented = key;
            if (accepted != null && KeyUtils.compareKeys(accepted, key)) {
                verdict = new HostKeyVerdict.Known();
                return true;
            }
            try {
                verdict = settings.hostKeys().check(settings.host(), settings.port(), key);
            } catch (IOException e) {
                log.accept("could not read the known-hosts files: " + e.getMessage());
                verdict = new HostKeyVerdict.Unknown(KnownHosts.fingerprint(key));
            }
            if (!(verdict instanceof HostKeyVerdict.Known)
                    && settings.policy().answerWithoutAsking(settings.host(), settings.port(), key, verdict)
                    .orElse(false)) {
                accepted = key; // no question needed: this connection goes on, no second one
                verdict = new HostKeyVerdict.Known();
                log.accept("host key " + KnownHosts.fingerprint(key) + " accepted");
            }
            return verdict instanceof HostKeyVerdict.Known;
        }
    }

    private static Iterable<KeyPair> loadKey(SshAuth.KeyFile k) throws SessionException {
        FilePasswordProvider passphrase = (context, resource, retry) -> retry > 0 ? null
                : k.passphrase().get().orElse(null);
        try (InputStream in = Files.newInputStream(k.file())) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(k.file().toString()),
                    in, passphrase);
            if (pairs == null) {
                throw new SessionException("no private key in " + k.file(), false);
            }
            return pairs;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SessionException("cannot read the key " + k.file() + ": " + Failures.oneLine(e), false, e);
        }
    }

    /**
     * The answers MINA asks for on its network thread, which must not wait for a person: the password for the
     * "password" method once the given ones are used up (none: no second guess), and for a keyboard-interactive
     * prompt that hides its input (PAM servers ask that way). Without a password, a server asking for one is noted
     * in {@link #wanted}, for {@link #open()} to ask on its own thread.
     */
    private static final class PasswordAnswers implements UserInteraction {
        private final Optional<String> password;
        private final boolean mayAsk;
        private volatile boolean wanted;

        PasswordAnswers(Optional<String> password, boolean mayAsk) {
            this.password = password;
            this.mayAsk = mayAsk;
        }

        @Override
        public boolean isInteractionAllowed(ClientSession s) {
            return password.isPresent() || mayAsk;
        }

        @Override
        public String[] interactive(ClientSession s, String name, String instruction, String lang, String[] prompts,
                                    boolean[] echo) {
            String[] answers = new String[prompts.length];
            for (int i = 0; i < prompts.length; i++) {
                if (!echo[i] && password.isEmpty()) {
                    wanted = true;
                    return null; // no answer: this method gives up, and the login fails for open() to ask
                }
                answers[i] = echo[i] ? "" : password.get();
            }
            return answers;
        }

        @Override
        public String resolveAuthPasswordAttempt(ClientSession s) {
            if (password.isEmpty()) {
                wanted = true;
            }
            return null; // a given password was offered as an identity already
        }

        @Override
        public String getUpdatedPassword(ClientSession s, String prompt, String lang) {
            return null; // an expired password cannot be changed from here
        }
    }

    private Optional<String> given() {
        return settings.auth().stream().filter(SshAuth.Password.class::isInstance).map(a -> ((SshAuth.Password) a)
                .password()).findFirst();
    }

    private Optional<SshAuth.PasswordOnRequest> onRequest() {
        return settings.auth().stream().filter(SshAuth.PasswordOnRequest.class::isInstance)
                .map(SshAuth.PasswordOnRequest.class::cast).findFirst();
    }
}
