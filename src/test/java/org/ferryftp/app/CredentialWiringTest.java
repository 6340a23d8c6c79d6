package org.ferryftp.app;

import org.ferryftp.ftp.LogEntry;
import org.ferryftp.site.vault.EncryptedVault;
import org.ferryftp.site.vault.KeyringProbe;
import org.ferryftp.site.vault.MasterPasswordSource;
import org.ferryftp.site.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class CredentialWiringTest {

    private static final MasterPasswordSource MUST_NOT_ASK = r -> fail("FERRY_MASTER_PASSWORD is set");

    @TempDir
    Path dir;

    @Test
    void theLogSaysWherePasswordsAreKeptAndTheStoreWorks() throws Exception {
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        try (CredentialWiring w = new CredentialWiring(dir, Map.of("FERRY_MASTER_PASSWORD", "pw"), MUST_NOT_ASK,
                KeyringProbe.none("no D-Bus session"), log::add, () -> false)) {
            w.store().put("site-1", "hunter2");
            assertEquals(Optional.of("hunter2"), w.store().get("site-1"));
            assertEquals(1, log.size());
            assertEquals(LogEntry.Direction.INFO, log.get(0).direction());
            assertEquals("Saved site passwords: passwords are kept in Ferry's encrypted vault ("
                    + dir.resolve("vault.properties") + ") (no D-Bus session)", log.get(0).text());
        }
        assertEquals(Optional.of("hunter2"), EncryptedVault.open(dir, "pw".toCharArray()).get("site-1"));
    }

    @Test
    void theFxThreadIsTurnedAwayBeforeItCouldWaitForItsOwnDialog() {
        boolean[] fxThread = {true};
        CredentialWiring w = new CredentialWiring(dir, Map.of(), r -> fail("must not ask on the FX thread"),
                KeyringProbe.none("none"), e -> { }, () -> fxThread[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.store().get("site-1"));
        assertEquals("saved passwords are read and stored from a worker thread, never the FX thread "
                + "(use the UiExecutor)", e.getMessage());
        w.close();
    }

    @Test
    void aBadChoiceIsLoggedAndEveryUseSaysWhy() {
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        CredentialWiring w = new CredentialWiring(dir, Map.of("FERRY_CREDENTIALS", "plain"), MUST_NOT_ASK,
                KeyringProbe.none("unused"), log::add, () -> false);
        VaultException e = assertThrows(VaultException.class, () -> w.store().get("site-1"));
        assertEquals("saved site passwords are not available: FERRY_CREDENTIALS must be \"keyring\" or \"vault\", "
                + "not \"plain\"", e.getMessage());
        assertEquals(LogEntry.Direction.ERROR, log.get(0).direction());
        w.close();
    }
}
