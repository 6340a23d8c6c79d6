package org.ferryftp.sftp;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** How to log in to an SSH server. The server's list of methods decides the order; these are what Ferry offers. */
public sealed interface SshAuth {

    /**
     * A password, offered for the "password" method and as the answer to a "keyboard-interactive" prompt that asks
     * for it (servers configured with PAM ask that way).
     */
    record Password(String password) implements SshAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /**
     * An OpenSSH (or PEM) private key file; {@code passphrase} is asked only when the key is encrypted, and may
     * answer empty when the user declines.
     */
    record KeyFile(Path file, Supplier<Optional<String>> passphrase) implements SshAuth {
        public KeyFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /**
     * A password asked for only when the server refuses what else was offered (a key, the agent) and takes a
     * password, by the "password" method or a keyboard-interactive prompt that hides its input: asked at most once
     * per login, empty when the user declines. It is asked on the thread that opens the session, while no connection
     * waits (the password then logs in on a new one), so the user may take as long as they like.
     */
    record PasswordOnRequest(Supplier<Optional<String>> ask) implements SshAuth {
        public PasswordOnRequest {
            Objects.requireNonNull(ask, "ask");
        }
    }

    /** The keys an ssh-agent holds, reached through its Unix socket ({@code SSH_AUTH_SOCK}). */
    record Agent(Path socket) implements SshAuth {
        public Agent {
            Objects.requireNonNull(socket, "socket");
        }

        /** The agent of this login session, when one runs. */
        public static Optional<Agent> fromEnvironment() {
            String sock = System.getenv("SSH_AUTH_SOCK");
            return sock == null || sock.isBlank() ? Optional.empty() : Optional.of(new Agent(Path.of(sock)));
        }
    }
}
