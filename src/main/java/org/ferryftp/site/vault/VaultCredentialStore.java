package org.ferryftp.site.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Ferry's encrypted vault, unlocked on first use: the master password is asked when a password is first read or
 * stored, and not again in this run. A wrong password is asked again when the source can ask again (a dialog),
 * and otherwise ends with a clear error; a failed unlock never writes the vault file.
 */
public final class VaultCredentialStore extends DelegatingCredentialStore {

    private final Path dir;
    private final MasterPasswordSource source;
    private final Consumer<String> report;
    private volatile EncryptedVault unlocked;

    public VaultCredentialStore(Path configDir, MasterPasswordSource source) {
        this(configDir, source, line -> { });
    }

    /** @param report hears what was wrong with the vault file when it was opened (damaged lines kept aside) */
    public VaultCredentialStore(Path configDir, MasterPasswordSource source, Consumer<String> report) {
        this.dir = configDir;
        this.source = source;
        this.report = report;
    }

    /** The vault file (it may not exist yet). */
    public Path file() {
        return dir.resolve(EncryptedVault.FILE_NAME);
    }

    /** True once the master password has been given in this run. */
    public boolean isUnlocked() {
        return unlocked != null;
    }

    /** Every password in the vault (unlocking it first if needed). */
    public java.util.Map<String, String> all() throws IOException {
        EncryptedVault open = unlocked;
        return (open != null ? open : unlock()).all();
    }

    @Override
    protected CredentialStore target() throws IOException {
        EncryptedVault open = unlocked;
        return open != null ? open : unlock();
    }

    /** One caller at a time: others needing a password wait here rather than open a second prompt. */
    private synchronized EncryptedVault unlock() throws IOException {
        if (unlocked != null) {
            return unlocked;
        }
        boolean creating = !Files.exists(file());
        MasterPasswordRequest request = MasterPasswordRequest.first(file(), creating);
        while (true) {
            char[] password = source.masterPassword(request);
            try {
                if (creating && password.length == 0) {
                    request = refuse(request, "the master password cannot be empty");
                    continue;
                }
                EncryptedVault vault = EncryptedVault.open(dir, password);
                vault.problem().ifPresent(report);
                unlocked = vault;
                return vault;
            } catch (WrongMasterPasswordException e) {
                request = refuse(request, e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    private MasterPasswordRequest refuse(MasterPasswordRequest request, String why) throws VaultException {
        if (!source.canAskAgain()) {
            String origin = source.origin();
            throw new VaultException((origin.isEmpty() ? "" : origin + ": ") + why + " (vault " + file() + ")");
        }
        return request.retry(why);
    }
}
