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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class CredentialWiringTest {

    private static final MasterPasswordSource MUST_NOT_ASK = r -> fail("FERRY_MASTER_PASSWORD is set");
    private static final CompletableFuture<Void> STARTED = CompletableFuture.completedFuture(null);

    @TempDir
    Path dir;

    @Test
    void theLogSaysWherePasswordsAreKeptAndTheStoreWorks() throws Exception {
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        try (CredentialWiring w = new CredentialWiring(dir, Map.of("FERRY_MASTER_PASSWORD", "pw"), MUST_NOT_ASK,
                KeyringProbe.none("no D-Bus session"), log::add, () -> false, STARTED)) {
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
    void theKeyringIsLookedForOnlyAfterTheFirstFrameAndOnItsOwnThread() throws Exception {
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        CompletableFuture<String> probedOn = new CompletableFuture<>();
        KeyringProbe probe = () -> {
            probedOn.complete(Thread.currentThread().getName());
            return KeyringProbe.Reach.unreachable("no D-Bus session");
        };
        // An earlier test's wiring may still be winding its thread down: only threads made here count.
        java.util.Set<Thread> earlier = credentialThreads();
        try (CredentialWiring w = new CredentialWiring(dir, Map.of("FERRY_MASTER_PASSWORD", "pw"), MUST_NOT_ASK,
                probe, e -> { }, () -> false, firstFrame)) {
            // Before the first frame the probe's thread does not even exist.
            java.util.Set<Thread> made = credentialThreads();
            made.removeAll(earlier);
            assertTrue(made.isEmpty(), "threads made before the first frame: " + made);
            assertFalse(probedOn.isDone());
            firstFrame.complete(null);
            assertEquals("ferry-credentials", probedOn.get(10, TimeUnit.SECONDS));
            w.store().put("site-1", "hunter2");
            assertEquals(Optional.of("hunter2"), w.store().get("site-1"));
        }
    }

    @Test
    void theFxThreadIsTurnedAwayBeforeItCouldWaitForItsOwnDialog() {
        boolean[] fxThread = {true};
        CredentialWiring w = new CredentialWiring(dir, Map.of(), r -> fail("must not ask on the FX thread"),
                KeyringProbe.none("none"), e -> { }, () -> fxThread[0], STARTED);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.store().get("site-1"));
        assertEquals("saved passwords are read and stored from a worker thread, never the FX thread "
                + "(use the UiExecutor)", e.getMessage());
        w.close();
    }

    @Test
    void aBadChoiceIsLoggedAndEveryUseSaysWhy() {
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        CredentialWiring w = new CredentialWiring(dir, Map.of("FERRY_CREDENTIALS", "plain"), MUST_NOT_ASK,
                KeyringProbe.none("unused"), log::add, () -> false, STARTED);
        VaultException e = assertThrows(VaultException.class, () -> w.store().get("site-1"));
        assertEquals("saved site passwords are not available: FERRY_CREDENTIALS must be \"keyring\" or \"vault\", "
                + "not \"plain\"", e.getMessage());
        assertEquals(LogEntry.Direction.ERROR, log.get(0).direction());
        w.close();
    }

    private static java.util.Set<Thread> credentialThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ferry-credentials"))
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
}
