package org.ferryftp.site;

/**
 * The keys an SFTP site logs in with besides its password. The key's passphrase is a secret and lives in the
 * credential store (see {@link SiteSessions#keyPassphraseKey}), never here.
 *
 * @param keyFile  an OpenSSH (or PEM) private key file, or null for none
 * @param useAgent offer the keys of the running ssh-agent ({@code SSH_AUTH_SOCK}) first
 */
public record SshKeys(String keyFile, boolean useAgent) {

    /** Password only. */
    public static final SshKeys NONE = new SshKeys(null, false);

    public SshKeys {
        keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.strip();
    }

    public SshKeys withKeyFile(String file) {
        return new SshKeys(file, useAgent);
    }
}
