package org.ferryftp.testsupport;

import org.apache.sshd.common.config.keys.PublicKeyEntry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/** OpenSSH key pairs made by the real {@code ssh-keygen}, as users make them. */
public final class SshKeyFiles {

    private SshKeyFiles() {
    }

    /** A new ECDSA key at {@code key} (and {@code key.pub}), encrypted when {@code passphrase} is not empty. */
    public static Path generate(Path key, String passphrase) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", passphrase, "-C", "",
                "-f", key.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + output);
        }
        return key;
    }

    /** The public half, from {@code key.pub}. */
    public static PublicKey publicKey(Path key) throws Exception {
        return PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).trim())
                .resolvePublicKey(null, null, null);
    }
}
