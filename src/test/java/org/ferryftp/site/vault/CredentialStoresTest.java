package org.ferryftp.site.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CredentialStoresTest {

    private static final MasterPasswordSource MUST_NOT_ASK = r -> fail("the master password must not be asked");
    private static final KeyringProbe MUST_NOT_PROBE = () -> fail("the keyring must not be probed");

    @TempDir
    Path dir;

    @Test
    void anUnreachableKeyringFallsBackToTheVault() throws Exception {
        ScriptedMasterPassword user = new ScriptedMasterPassword(false, "pw");
        try (SelectedCredentialStore c = CredentialStores.open(dir, Map.of(), user,
                KeyringProbe.none("the Secret Service keyring is not reachable: no D-Bus session"))) {
            assertEquals(CredentialBackend.Kind.VAULT, c.backend().kind());
            assertEquals("the Secret Service keyring is not reachable: no D-Bus session", c.backend().note());
            assertEquals("passwords are kept in Ferry's encrypted vault (" + dir.resolve("vault.properties") + ")",
                    c.backend().summary());
            c.put("site-1", "hunter2");
        }
        assertEquals(Optional.of("hunter2"), EncryptedVault.open(dir, "pw".toCharArray()).get("site-1"));
    }

    @Test
    void theEnvironmentVariableSuppliesTheMasterPassword() throws Exception {
        Map<String, String> env = Map.of("FERRY_MASTER_PASSWORD", "from-env");
        try (SelectedCredentialStore c = CredentialStores.open(dir, env, MUST_NOT_ASK, KeyringProbe.none("none here"))) {
            c.put("site-1", "hunter2");
            assertEquals(Optional.of("hunter2"), c.get("site-1"));
        }
        assertEquals(Optional.of("hunter2"), EncryptedVault.open(dir, "from-env".toCharArray()).get("site-1"));
    }

    @Test
    void aWrongPasswordInTheEnvironmentNamesTheVariable() throws Exception {
        EncryptedVault.open(dir, "right".toCharArray());
        Map<String, String> env = Map.of("FERRY_MASTER_PASSWORD", "wrong");
        SelectedCredentialStore c = CredentialStores.open(dir, env, MUST_NOT_ASK, KeyringProbe.none("none here"));
        VaultException e = assertThrows(VaultException.class, () -> c.get("site-1"));
        assertTrue(e.getMessage().startsWith("FERRY_MASTER_PASSWORD: the master password is not correct"),
                e.getMessage());
    }

    @Test
    void anEmptyEnvironmentVariableIsIgnored() throws Exception {
        ScriptedMasterPassword user = new ScriptedMasterPassword(false, "typed");
        SelectedCredentialStore c = CredentialStores.open(dir, Map.of("FERRY_MASTER_PASSWORD", ""), user,
                KeyringProbe.none("none here"));
        c.put("site-1", "x");
        assertEquals(1, user.requests.size());
    }

    @Test
    void aReachableKeyringIsUsedUnderFerrysNameAndNoMasterPasswordIsAsked() throws Exception {
        MemoryKeyring keyring = new MemoryKeyring();
        Map<String, String> env = Map.of("FERRY_MASTER_PASSWORD", "unused");
        try (SelectedCredentialStore c = CredentialStores.open(dir, env, MUST_NOT_ASK, () -> KeyringProbe.Reach.reachable(keyring))) {
            assertEquals(CredentialBackend.Kind.KEYRING, c.backend().kind());
            assertNull(c.backend().note());
            assertEquals("passwords are kept in the memory keyring", c.backend().summary());
            c.put("site-1", "hunter2");
            assertEquals(Map.of(List.of("Ferry", "site-1"), "hunter2"), keyring.entries);
            assertEquals(Optional.of("hunter2"), c.get("site-1"));
            c.remove("site-1");
            c.remove("site-1");
            assertEquals(Optional.empty(), c.get("site-1"));
        }
        assertTrue(keyring.closed, "closing the credentials closes the keyring connection");
        assertFalse(Files.exists(dir.resolve("vault.properties")), "nothing written to the vault");
    }

    /** A vault of earlier runs (no keyring then) holding two passwords under master password "pw". */
    private void vaultFromEarlierRuns() throws IOException {
        EncryptedVault old = EncryptedVault.open(dir, "pw".toCharArray());
        old.put("site-1", "from the vault");
        old.put("site-2", "also old");
    }

    @Test
    void aVaultFromEarlierRunsMovesIntoTheKeyringOnceAndIsKeptAside() throws Exception {
        vaultFromEarlierRuns();
        byte[] before = Files.readAllBytes(dir.resolve("vault.properties"));
        MemoryKeyring keyring = new MemoryKeyring();
        keyring.write("Ferry", "site-2", "newer, in the keyring");
        ScriptedMasterPassword user = new ScriptedMasterPassword(false, "pw");
        List<String> reports = new java.util.ArrayList<>();
        try (SelectedCredentialStore c = CredentialStores.open(dir, Map.of(), user,
                () -> KeyringProbe.Reach.reachable(keyring), reports::add)) {
            assertEquals(CredentialBackend.Kind.KEYRING, c.backend().kind());
            assertTrue(c.backend().note().contains("its passwords move into the keyring"), c.backend().note());
            assertEquals(Optional.of("from the vault"), c.get("site-1"));
            assertEquals(Optional.of("newer, in the keyring"), c.get("site-2"), "the keyring's own entry wins");
            assertEquals(Optional.empty(), c.get("site-3"));
        }
        assertEquals(1, user.requests.size(), "the master password is asked once");
        assertEquals("from the vault", keyring.entries.get(List.of("Ferry", "site-1")));
        assertEquals("newer, in the keyring", keyring.entries.get(List.of("Ferry", "site-2")));
        assertFalse(Files.exists(dir.resolve("vault.properties")));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("vault.properties.migrated")), "kept, unchanged");
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).startsWith("2 saved passwords moved from "), reports.get(0));

        // The next run finds everything in the keyring and asks nothing.
        try (SelectedCredentialStore c = CredentialStores.open(dir, Map.of(), MUST_NOT_ASK,
                () -> KeyringProbe.Reach.reachable(keyring))) {
            assertNull(c.backend().note());
            assertEquals(Optional.of("from the vault"), c.get("site-1"));
        }
    }

    @Test
    void aRefusedMasterPasswordMovesNothingAndKeepsTheVault() throws Exception {
        vaultFromEarlierRuns();
        byte[] before = Files.readAllBytes(dir.resolve("vault.properties"));
        MemoryKeyring keyring = new MemoryKeyring();
        List<String> reports = new java.util.ArrayList<>();
        try (SelectedCredentialStore c = CredentialStores.open(dir, Map.of("FERRY_MASTER_PASSWORD", "wrong"),
                MUST_NOT_ASK, () -> KeyringProbe.Reach.reachable(keyring), reports::add)) {
            assertEquals(Optional.empty(), c.get("site-1"));
            c.put("site-9", "new");
            assertEquals(Optional.of("new"), c.get("site-9"), "the keyring works on");
            assertEquals(Optional.empty(), c.get("site-2"));
        }
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("vault.properties")), "vault untouched");
        assertEquals(Map.of(List.of("Ferry", "site-9"), "new"), keyring.entries);
        assertEquals(1, reports.size(), "tried once per run: " + reports);
        assertTrue(reports.get(0).contains("were not moved") && reports.get(0).contains("the file is kept"),
                reports.get(0));
    }

    @Test
    void aKeyringThatCannotTakeThemLeavesTheVaultInPlaceAndReadable() throws Exception {
        vaultFromEarlierRuns();
        MemoryKeyring keyring = new MemoryKeyring();
        keyring.refuseWrites = true;
        List<String> reports = new java.util.ArrayList<>();
        try (SelectedCredentialStore c = CredentialStores.open(dir, Map.of("FERRY_MASTER_PASSWORD", "pw"),
                MUST_NOT_ASK, () -> KeyringProbe.Reach.reachable(keyring), reports::add)) {
            assertEquals(Optional.of("from the vault"), c.get("site-1"), "still read from the vault");
            assertEquals(Optional.of("also old"), c.get("site-2"));
        }
        assertTrue(Files.exists(dir.resolve("vault.properties")));
        assertFalse(Files.exists(dir.resolve("vault.properties.migrated")));
        assertTrue(reports.get(0).contains("could not all be moved"), reports.toString());
    }

    @Test
    void ferryCredentialsVaultSkipsTheKeyring() throws Exception {
        ScriptedMasterPassword user = new ScriptedMasterPassword(false, "pw");
        SelectedCredentialStore c = CredentialStores.open(dir, Map.of("FERRY_CREDENTIALS", "Vault"), user, MUST_NOT_PROBE);
        assertEquals(CredentialBackend.Kind.VAULT, c.backend().kind());
        assertEquals("the keyring is not used because FERRY_CREDENTIALS=vault", c.backend().note());
    }

    @Test
    void anUnknownFerryCredentialsValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                CredentialStores.open(dir, Map.of("FERRY_CREDENTIALS", "plain"), MUST_NOT_ASK, MUST_NOT_PROBE));
        assertEquals("FERRY_CREDENTIALS must be \"keyring\" or \"vault\", not \"plain\"", e.getMessage());
    }

    /** The OS keyring's contract kept in a map, to test the choice without a desktop session. */
    private static final class MemoryKeyring implements OsKeyring {
        final Map<List<String>, String> entries = new HashMap<>();
        boolean closed;
        boolean refuseWrites;

        @Override
        public String name() {
            return "the memory keyring";
        }

        @Override
        public Optional<String> read(String service, String account) {
            return Optional.ofNullable(entries.get(List.of(service, account)));
        }

        @Override
        public void write(String service, String account, String secret) throws IOException {
            if (refuseWrites) {
                throw new IOException("the keyring is locked");
            }
            entries.put(List.of(service, account), secret);
        }

        @Override
        public void delete(String service, String account) throws IOException {
            entries.remove(List.of(service, account));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
