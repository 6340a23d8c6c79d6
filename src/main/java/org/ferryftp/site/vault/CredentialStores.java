package org.ferryftp.site.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Chooses where passwords go: the OS keyring when the probe reaches it, otherwise Ferry's encrypted vault in the
 * config directory. {@code FERRY_CREDENTIALS=vault} chooses the vault without looking for a keyring. For the
 * vault, {@code FERRY_MASTER_PASSWORD} (when set) supplies the master password instead of {@code ask}; the
 * password is asked on first use, once per run.
 */
public final class CredentialStores {

    public static final String CHOICE_VARIABLE = "FERRY_CREDENTIALS";

    private CredentialStores() {
    }

    /**
     * @param configDir Ferry's config directory (the vault lives there)
     * @param env       the process environment
     * @param ask       asks the user for the master password (console or dialog)
     * @param probe     looks for the OS keyring (normally {@link SystemKeyringProbe})
     * @throws IllegalArgumentException when {@code FERRY_CREDENTIALS} has a value other than keyring or vault
     */
    public static SelectedCredentialStore open(Path configDir, Map<String, String> env, MasterPasswordSource ask,
                                   KeyringProbe probe) {
        return open(configDir, env, ask, probe, line -> { });
    }

    /**
     * Like {@link #open(Path, Map, MasterPasswordSource, KeyringProbe)}; {@code report} hears, once, how moving
     * the passwords of a vault from earlier runs into the keyring went (see {@link MigratingCredentialStore}).
     */
    public static SelectedCredentialStore open(Path configDir, Map<String, String> env, MasterPasswordSource ask,
                                   KeyringProbe probe, Consumer<String> report) {
        String choice = env.getOrDefault(CHOICE_VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (!choice.isEmpty() && !choice.equals("vault") && !choice.equals("keyring")) {
            throw new IllegalArgumentException(CHOICE_VARIABLE + " must be \"keyring\" or \"vault\", not \"" + choice + "\"");
        }
        KeyringProbe.Reach reach = choice.equals("vault")
                ? KeyringProbe.Reach.unreachable("the keyring is not used because " + CHOICE_VARIABLE + "=vault")
                : probe.reach();
        MasterPasswordSource source = EnvironmentMasterPassword.from(env).orElse(ask);
        if (reach.isReachable()) {
            KeyringCredentialStore store = new KeyringCredentialStore(reach.keyring());
            Path vault = configDir.resolve(EncryptedVault.FILE_NAME);
            if (!Files.exists(vault)) {
                return new SelectedCredentialStore(store,
                        new CredentialBackend(CredentialBackend.Kind.KEYRING, store.keyringName(), null));
            }
            String note = "Ferry's encrypted vault " + vault + " from earlier runs: its passwords move into the "
                    + "keyring when one is first needed (its master password is asked once)";
            return new SelectedCredentialStore(new MigratingCredentialStore(store,
                    new VaultCredentialStore(configDir, source, report), report),
                    new CredentialBackend(CredentialBackend.Kind.KEYRING, store.keyringName(), note));
        }
        VaultCredentialStore vault = new VaultCredentialStore(configDir, source, report);
        return new SelectedCredentialStore(vault, new CredentialBackend(CredentialBackend.Kind.VAULT,
                "Ferry's encrypted vault (" + vault.file() + ")", reach.reason()));
    }
}
