package org.ferryftp.site.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaultCredentialStoreTest {

    @TempDir
    Path dir;

    @Test
    void firstUseCreatesTheVaultAndThePasswordIsAskedOncePerRun() throws Exception {
        ScriptedMasterPassword user = new ScriptedMasterPassword(true, "correct horse");
        VaultCredentialStore store = new VaultCredentialStore(dir, user);
        assertFalse(store.isUnlocked());
        assertTrue(user.requests.isEmpty(), "nothing is asked before a password is needed");

        store.put("site-1", "hunter2");
        store.put("site-2", "other");
        assertEquals(Optional.of("hunter2"), store.get("site-1"));
        store.remove("site-2");
        assertEquals(Optional.empty(), store.get("site-2"));

        assertEquals(1, user.requests.size(), "asked once per run");
        assertTrue(user.requests.get(0).creating(), "no vault yet: the source is told to confirm a new password");
        assertNull(user.requests.get(0).problem());
        assertFalse(Files.readString(store.file()).contains("hunter2"));

        // The next run finds the vault and asks to unlock it, not to create it.
        ScriptedMasterPassword nextRun = new ScriptedMasterPassword(false, "correct horse");
        assertEquals(Optional.of("hunter2"), new VaultCredentialStore(dir, nextRun).get("site-1"));
        assertFalse(nextRun.requests.get(0).creating());
    }

    @Test
    void twoTransfersNeedingAPasswordAtOnceShareOnePrompt() throws Exception {
        EncryptedVault.open(dir, "pw".toCharArray()).put("site-1", "secret");
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch bothWaiting = new CountDownLatch(1);
        MasterPasswordSource slowUser = r -> {
            asked.incrementAndGet();
            try {
                bothWaiting.await(5, TimeUnit.SECONDS); // the dialog stays open while the second worker arrives
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "pw".toCharArray();
        };
        VaultCredentialStore store = new VaultCredentialStore(dir, slowUser);
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            Future<Optional<String>> a = workers.submit(() -> store.get("site-1"));
            Future<Optional<String>> b = workers.submit(() -> store.get("site-1"));
            // Both workers inside get(): one in the prompt, the other waiting for it (not running).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (threads.size() < 2 || asked.get() < 1 || threads.stream().anyMatch(
                    t -> t.getState() == Thread.State.RUNNABLE || t.getState() == Thread.State.NEW)) {
                assertTrue(System.nanoTime() < deadline, "the workers did not both reach the store");
                Thread.onSpinWait();
            }
            bothWaiting.countDown();
            assertEquals(Optional.of("secret"), a.get(10, TimeUnit.SECONDS));
            assertEquals(Optional.of("secret"), b.get(10, TimeUnit.SECONDS));
        } finally {
            workers.shutdownNow();
        }
        assertEquals(1, asked.get());
    }

    @Test
    void aWrongPasswordFromASourceThatCannotAskAgainIsAClearErrorAndTheFileIsUntouched() throws Exception {
        EncryptedVault.open(dir, "right".toCharArray()).put("site-1", "secret");
        Path file = dir.resolve(EncryptedVault.FILE_NAME);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(file);
        List<Path> filesBefore = list();

        VaultCredentialStore store = new VaultCredentialStore(dir, new ScriptedMasterPassword(false, "wrong"));
        VaultException e = assertThrows(VaultException.class, () -> store.put("site-2", "x"));

        assertEquals("scripted: the master password is not correct (vault " + file + ")", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "a failed unlock never writes the vault");
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(file));
        assertEquals(filesBefore, list(), "no backup or temporary file either");
        assertFalse(store.isUnlocked());
    }

    @Test
    void aSourceThatCanAskAgainIsToldWhyAndAskedAgain() throws Exception {
        EncryptedVault.open(dir, "right".toCharArray()).put("site-1", "secret");
        ScriptedMasterPassword user = new ScriptedMasterPassword(true, "wrong", "also wrong", "right");
        VaultCredentialStore store = new VaultCredentialStore(dir, user);

        assertEquals(Optional.of("secret"), store.get("site-1"));
        assertEquals(Optional.of("secret"), store.get("site-1"));

        assertEquals(3, user.requests.size());
        assertNull(user.requests.get(0).problem());
        assertEquals("the master password is not correct", user.requests.get(1).problem());
        assertEquals("the master password is not correct", user.requests.get(2).problem());
    }

    @Test
    void cancellingLeavesTheVaultLockedAndTheNextUseAsksAgain() throws Exception {
        EncryptedVault.open(dir, "right".toCharArray()).put("site-1", "secret");
        ScriptedMasterPassword user = new ScriptedMasterPassword(true, "wrong");
        VaultCredentialStore store = new VaultCredentialStore(dir, user);

        VaultException e = assertThrows(VaultException.class, () -> store.get("site-1"));
        assertEquals("no master password given (cancelled)", e.getMessage());
        assertFalse(store.isUnlocked());
        assertThrows(VaultException.class, () -> store.get("site-1"));
        assertEquals(3, user.requests.size(), "a cancelled unlock is not remembered as a failure");
    }

    @Test
    void anEmptyMasterPasswordDoesNotCreateAVault() {
        VaultCredentialStore store = new VaultCredentialStore(dir, new ScriptedMasterPassword(false, ""));
        VaultException e = assertThrows(VaultException.class, () -> store.put("site-1", "secret"));
        assertTrue(e.getMessage().contains("the master password cannot be empty"), e.getMessage());
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aDamagedVaultIsReportedAndKept() throws Exception {
        Path file = dir.resolve(EncryptedVault.FILE_NAME);
        Files.writeString(file, "salt=not base64!\ncheck=x\niterations=600000\n");
        byte[] before = Files.readAllBytes(file);
        VaultCredentialStore store = new VaultCredentialStore(dir, new ScriptedMasterPassword(true, "pw"));

        VaultException e = assertThrows(VaultException.class, () -> store.put("site-1", "secret"));

        assertEquals("the credential vault " + file + " is damaged (bad salt or iteration count)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private List<Path> list() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
