package org.ferryftp.cli;

import org.ferryftp.site.vault.VaultException;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The passphrase that seals the passwords of {@code ferry sites export --with-passwords} and opens them on import:
 * {@value #VARIABLE} for scripts, else typed at the terminal without echo (twice for an export).
 */
final class ExportPassphrase {

    static final String VARIABLE = "FERRY_EXPORT_PASSPHRASE";

    private final Map<String, String> env;
    private final Supplier<ConsoleMasterPassword.Terminal> terminal;

    ExportPassphrase(Map<String, String> env, Supplier<ConsoleMasterPassword.Terminal> terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    char[] forExport(Path file) throws VaultException {
        String given = env.get(VARIABLE);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        ConsoleMasterPassword.Terminal t = needTerminal(file);
        t.println("The passwords in " + file + " are encrypted with a passphrase; it is needed to import them.");
        return ConsoleMasterPassword.readTwice(t, "Passphrase for the exported passwords: ", "Repeat the passphrase: ",
                "the two passphrases differ; nothing was exported");
    }

    char[] forImport(Path file) throws VaultException {
        String given = env.get(VARIABLE);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        char[] typed = ConsoleMasterPassword.read(needTerminal(file), "Passphrase of the passwords in " + file + ": ");
        if (typed.length == 0) {
            throw new VaultException("no passphrase given");
        }
        return typed;
    }

    private ConsoleMasterPassword.Terminal needTerminal(Path file) throws VaultException {
        ConsoleMasterPassword.Terminal t = terminal.get();
        if (t == null) {
            throw new VaultException("the passwords in " + file + " need a passphrase but there is no terminal to ask "
                    + "it on; set " + VARIABLE);
        }
        return t;
    }
}
