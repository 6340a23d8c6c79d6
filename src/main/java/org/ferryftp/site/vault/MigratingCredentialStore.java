package org.ferryftp.site.vault;

import org.ferryftp.fs.ConfigLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The OS keyring, when Ferry's encrypted vault from earlier runs (no keyring then) is still there: the first
 * time a password is needed, the vault is unlocked once (its master password asked as usual), every password
 * in it that the keyring lacks is copied into the keyring, and the vault file is kept aside as
 * {@code vault.properties.migrated}. If that cannot be done (password refused, keyring write failed) nothing
 * is moved or deleted, the vault is still read for what the keyring lacks, and the reason is reported.
 */
final class MigratingCredentialStore implements CredentialStore, AutoCloseable {

    static final String MIGRATED_SUFFIX = ".migrated";

    private final KeyringCredentialStore keyring;
    private final VaultCredentialStore vault;
    private final Consumer<String> report;
    /** Null until the first attempt; then whether the vault may still hold passwords the keyring lacks. */
    private volatile Boolean vaultStillNeeded;

    MigratingCredentialStore(KeyringCredentialStore keyring, VaultCredentialStore vault, Consumer<String> report) {
        this.keyring = keyring;
        this.vault = vault;
        this.report = report;
    }

    @Override
    public Optional<String> get(String name) throws IOException {
        Optional<String> own = keyring.get(name);
        if (own.isPresent()) {
            return own;
        }
        boolean justMoved = vaultStillNeeded == null && Files.exists(vault.file());
        if (migrateOnce()) {
            try {
                return vault.get(name);
            } catch (VaultException e) {
                return Optional.empty(); // already reported by the attempt
            }
        }
        return justMoved ? keyring.get(name) : own;
    }

    @Override
    public void put(String name, String secret) throws IOException {
        keyring.put(name, secret);
    }

    @Override
    public void remove(String name) throws IOException {
        keyring.remove(name);
        if (vaultStillNeeded == Boolean.TRUE && vault.isUnlocked()) {
            vault.remove(name); // or it would come back from the vault on the next read
        }
    }

    /** Moves the vault's passwords into the keyring, once per run; true when the vault must still be read. */
    private synchronized boolean migrateOnce() {
        if (vaultStillNeeded != null) {
            return vaultStillNeeded;
        }
        Path file = vault.file();
        if (!Files.exists(file)) {
            vaultStillNeeded = false;
            return false;
        }
        Map<String, String> all;
        try {
            all = vault.all();
        } catch (IOException e) {
            report.accept("the passwords in " + file + " were not moved into " + keyring.keyringName() + ": "
                    + e.getMessage() + "; the file is kept, and read for passwords the keyring lacks");
            vaultStillNeeded = vault.isUnlocked();
            return vaultStillNeeded;
        }
        // The master password was asked above; inside the vault's lock its passwords are read again, so one that
        // another Ferry stores meanwhile is not left behind in the moved file.
        try (ConfigLock.Held held = ConfigLock.acquire(file)) {
            if (!Files.exists(file)) {
                vaultStillNeeded = false; // another Ferry moved it meanwhile
                return false;
            }
            all = vault.all();
            for (Map.Entry<String, String> e : all.entrySet()) {
                if (keyring.get(e.getKey()).isEmpty()) {
                    keyring.put(e.getKey(), e.getValue());
                }
            }
            Path aside = file.resolveSibling(file.getFileName() + MIGRATED_SUFFIX);
            if (Files.exists(aside)) { // an earlier migration's file: keep that one too
                aside = file.resolveSibling(file.getFileName() + MIGRATED_SUFFIX + "-" + System.currentTimeMillis());
            }
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            report.accept(all.size() + " saved password" + (all.size() == 1 ? "" : "s") + " moved from " + file
                    + " into " + keyring.keyringName() + "; the old vault is kept as " + aside);
            vaultStillNeeded = false;
        } catch (IOException e) {
            report.accept("the passwords in " + file + " could not all be moved into " + keyring.keyringName()
                    + ": " + e.getMessage() + "; the file is kept, and read for passwords the keyring lacks");
            vaultStillNeeded = true;
        }
        return vaultStillNeeded;
    }

    @Override
    public void close() {
        keyring.close();
    }
}
