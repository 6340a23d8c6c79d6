package org.ferryftp.cli;

import org.ferryftp.site.vault.EnvironmentMasterPassword;
import org.ferryftp.site.vault.MasterPasswordRequest;
import org.ferryftp.site.vault.MasterPasswordSource;
import org.ferryftp.site.vault.VaultException;

import java.io.Console;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The command line's master password: typed at the terminal without echo. A new vault asks twice; with no
 * terminal (a pipe, cron, CI) it fails with a message pointing at {@code FERRY_MASTER_PASSWORD}. A wrong password
 * is not asked again: the command ends with the error.
 */
public final class ConsoleMasterPassword implements MasterPasswordSource {

    /** The part of {@link Console} used here, so the prompts can be tested without a terminal. */
    public interface Terminal {
        /** Reads a line without echo; null at end of input. */
        char[] readPassword(String prompt);

        void println(String line);
    }

    private final Supplier<Terminal> terminal;

    /** @param terminal the terminal, or null when there is none ({@link #systemConsole()} in the real command) */
    public ConsoleMasterPassword(Supplier<Terminal> terminal) {
        this.terminal = terminal;
    }

    /** The process's console, or null when standard input or output is not a terminal. */
    public static Terminal systemConsole() {
        Console c = System.console();
        if (c == null) {
            return null;
        }
        return new Terminal() {
            @Override
            public char[] readPassword(String prompt) {
                return c.readPassword("%s", prompt);
            }

            @Override
            public void println(String line) {
                c.printf("%s%n", line);
            }
        };
    }

    @Override
    public char[] masterPassword(MasterPasswordRequest request) throws VaultException {
        Terminal t = terminal.get();
        if (t == null) {
            throw new VaultException("the master password of " + request.vaultFile() + " is needed but there is no "
                    + "terminal to ask it on; set " + EnvironmentMasterPassword.VARIABLE);
        }
        if (!request.creating()) {
            return read(t, "Master password for " + request.vaultFile() + ": ");
        }
        t.println("Ferry keeps saved passwords in an encrypted vault: " + request.vaultFile());
        t.println("Choose its master password (it cannot be recovered).");
        return readTwice(t, "New master password: ", "Repeat the master password: ",
                "the two master passwords differ; no vault was created");
    }

    /** Reads a new secret twice; fails with {@code differ} when the two differ. */
    static char[] readTwice(Terminal t, String prompt, String repeat, String differ) throws VaultException {
        char[] first = read(t, prompt);
        char[] second = read(t, repeat);
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new VaultException(differ);
        }
        return first;
    }

    static char[] read(Terminal t, String prompt) throws VaultException {
        char[] typed = t.readPassword(prompt);
        if (typed == null) {
            throw new VaultException("no master password given (end of input)");
        }
        return typed;
    }
}
