package org.ferryftp.cli;

import org.ferryftp.site.vault.EncryptedVault;
import org.ferryftp.site.vault.MasterPasswordRequest;
import org.ferryftp.site.vault.VaultCredentialStore;
import org.ferryftp.site.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleMasterPasswordTest {

    @TempDir
    Path dir;

    @Test
    void withoutATerminalTheErrorPointsAtTheEnvironmentVariable() {
        Path file = dir.resolve("vault.properties");
        VaultException e = assertThrows(VaultException.class, () -> new ConsoleMasterPassword(() -> null)
                .masterPassword(MasterPasswordRequest.first(file, false)));
        assertEquals("the master password of " + file + " is needed but there is no terminal to ask it on; "
                + "set FERRY_MASTER_PASSWORD", e.getMessage());
    }

    @Test
    void underTheTestRunnerThereIsNoSystemConsole() {
        // Surefire pipes standard input and output, as cron and CI do: the real command must fail, not hang.
        VaultException e = assertThrows(VaultException.class, () -> new ConsoleMasterPassword(
                ConsoleMasterPassword::systemConsole).masterPassword(MasterPasswordRequest.first(dir, false)));
        assertTrue(e.getMessage().endsWith("set FERRY_MASTER_PASSWORD"), e.getMessage());
    }

    @Test
    void aNewVaultIsConfirmedAndCreatedWithThatPassword() throws Exception {
        Typist typist = new Typist("s3cret", "s3cret");
        VaultCredentialStore store = new VaultCredentialStore(dir, new ConsoleMasterPassword(() -> typist));
        store.put("site-1", "hunter2");
        assertEquals(List.of("New master password: ", "Repeat the master password: "), typist.prompts);
        assertEquals("Ferry keeps saved passwords in an encrypted vault: " + dir.resolve("vault.properties"),
                typist.lines.get(0));
        assertEquals("hunter2", EncryptedVault.open(dir, "s3cret".toCharArray()).get("site-1").orElseThrow());
    }

    @Test
    void twoDifferentPasswordsCreateNothing() {
        VaultCredentialStore store = new VaultCredentialStore(dir,
                new ConsoleMasterPassword(() -> new Typist("s3cret", "s3cr3t")));
        VaultException e = assertThrows(VaultException.class, () -> store.put("site-1", "hunter2"));
        assertEquals("the two master passwords differ; no vault was created", e.getMessage());
        assertFalse(Files.exists(dir.resolve("vault.properties")));
    }

    @Test
    void aWrongPasswordEndsTheCommandWithAClearErrorAndLeavesTheVault() throws Exception {
        EncryptedVault.open(dir, "right".toCharArray()).put("site-1", "hunter2");
        byte[] before = Files.readAllBytes(dir.resolve("vault.properties"));
        Typist typist = new Typist("wrong", "right");
        VaultCredentialStore store = new VaultCredentialStore(dir, new ConsoleMasterPassword(() -> typist));
        VaultException e = assertThrows(VaultException.class, () -> store.get("site-1"));
        assertEquals("the master password is not correct (vault " + dir.resolve("vault.properties")
                + ")", e.getMessage());
        assertEquals(1, typist.prompts.size(), "asked once, not again");
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("vault.properties")));
    }

    @Test
    void endOfInputIsNoPassword() {
        VaultException e = assertThrows(VaultException.class, () -> new ConsoleMasterPassword(Typist::new)
                .masterPassword(MasterPasswordRequest.first(dir.resolve("vault.properties"), false)));
        assertEquals("no master password given (end of input)", e.getMessage());
    }

    /** Someone at the terminal typing the given lines; null once they run out (Ctrl-D). */
    static final class Typist implements ConsoleMasterPassword.Terminal {
        final Deque<String> typed;
        final List<String> prompts = new ArrayList<>();
        final List<String> lines = new ArrayList<>();

        Typist(String... typed) {
            this.typed = new ArrayDeque<>(Arrays.asList(typed));
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            return typed.isEmpty() ? null : typed.removeFirst().toCharArray();
        }

        @Override
        public void println(String line) {
            lines.add(line);
        }
    }
}
