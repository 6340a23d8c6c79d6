package org.ferryftp.site.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

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
        String choice = env.getOrDefault(CHOICE_VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (!choice.isEmpty() && !choice.equals("vault") && !choice.equals("keyring")) {
            throw new IllegalArgumentException(CHOICE_VARIABLE + " must be \"keyring\" or \"vault\", not \"" + choice + "\"");
        }
        KeyringProbe.Reach reach = choice.equals("vault")
                ? KeyringProbe.Reach.unreachable("the keyring is not used because " + CHOICE_VARIABLE + "=vault")
                : probe.reach();
        if (reach.isReachable()) {
            KeyringCredentialStore store = new KeyringCredentialStore(reach.keyring());
            Path vault = configDir.resolve(EncryptedVault.FILE_NAME);
            String note = Files.exists(vault) ? "Ferry's encrypted vault " + vault + " from earlier runs is not read "
                    + "while the keyring is used; " + CHOICE_VARIABLE + "=vault uses it instead" : null;
            return new SelectedCredentialStore(store,
                    new CredentialBackend(CredentialBackend.Kind.KEYRING, store.keyringName(), note));
        }
        MasterPasswordSource source = EnvironmentMasterPassword.from(env).orElse(ask);
        VaultCredentialStore vault = new VaultCredentialStore(configDir, source);
        return new SelectedCredentialStore(vault, new CredentialBackend(CredentialBackend.Kind.VAULT,
                "Ferry's encrypted vault (" + vault.file() + ")", reach.reason()));
    }
}
