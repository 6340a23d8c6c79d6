package org.ferryftp.site.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptedVaultTest {

    @TempDir
    Path dir;

    @Test
    void storesSecretsEncryptedAndReadsThemBack() throws Exception {
        EncryptedVault v = EncryptedVault.open(dir, "correct horse".toCharArray());
        v.put("site-1", "hunter2-päss");
        v.put("site-2", "other");
        EncryptedVault again = EncryptedVault.open(dir, "correct horse".toCharArray());
        assertEquals(Optional.of("hunter2-päss"), again.get("site-1"));
        assertEquals(Optional.empty(), again.get("missing"));
        again.remove("site-2");
        assertEquals(Optional.empty(), EncryptedVault.open(dir, "correct horse".toCharArray()).get("site-2"));
        String file = Files.readString(dir.resolve("vault.properties"));
        assertFalse(file.contains("hunter2"), "no plain text on disk");
        assertTrue(file.contains("iterations=600000"));
    }

    @Test
    void twoOpenVaultsOnOneFileKeepEachOthersPasswords() throws Exception {
        EncryptedVault mine = EncryptedVault.open(dir, "pw".toCharArray());
        EncryptedVault theirs = EncryptedVault.open(dir, "pw".toCharArray());
        mine.put("site-1", "one");
        theirs.put("site-2", "two");
        mine.put("site-3", "three");
        assertEquals(Optional.of("two"), mine.get("site-2"), "read again from the file");
        assertEquals(java.util.Map.of("site-1", "one", "site-2", "two", "site-3", "three"),
                EncryptedVault.open(dir, "pw".toCharArray()).all());
    }

    @Test
    void twoThreadsStoringAtOnceLoseNothing() throws Exception {
        EncryptedVault one = EncryptedVault.open(dir, "pw".toCharArray());
        EncryptedVault two = EncryptedVault.open(dir, "pw".toCharArray());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (EncryptedVault v : java.util.List.of(one, two)) {
                String prefix = v == one ? "one-" : "two-";
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        v.put(prefix + i, "secret " + prefix + i);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        java.util.Map<String, String> all = one.all();
        assertEquals(40, all.size());
        assertEquals("secret two-19", all.get("two-19"));
    }

    @Test
    void aDamagedEntryLineCostsOnlyThatLineAndIsKeptAside() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-05-06T07:08:09Z"),
                java.time.ZoneOffset.UTC);
        EncryptedVault.open(dir, "pw".toCharArray()).put("site-1", "one");
        Path file = dir.resolve("vault.properties");
        String damaged = Files.readString(file) + "entry.site-2=\\u12zz\u0000\nentry.site-3=%%%\n";
        Files.writeString(file, damaged);

        EncryptedVault vault = EncryptedVault.open(dir, "pw".toCharArray(), clock);

        Path aside = dir.resolve("vault.properties.damaged-20260506-070809");
        String problem = vault.problem().orElseThrow();
        assertTrue(problem.contains(file.toString()) && problem.contains(aside.toString())
                && problem.contains("2 damaged lines"), problem);
        assertEquals(damaged, Files.readString(aside));
        assertEquals(Optional.of("one"), vault.get("site-1"));
        vault.put("site-4", "four");
        assertEquals(java.util.Map.of("site-1", "one", "site-4", "four"),
                EncryptedVault.open(dir, "pw".toCharArray(), clock).all());
    }

    @Test
    void aVaultWithoutKeyParametersIsNeverReplacedByANewOne() throws Exception {
        Path file = dir.resolve("vault.properties");
        Files.writeString(file, "entry.site-1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
        byte[] before = Files.readAllBytes(file);
        VaultException e = assertThrows(VaultException.class, () -> EncryptedVault.open(dir, "pw".toCharArray()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void wrongMasterPasswordIsReportedAndChangesNothing() throws Exception {
        EncryptedVault.open(dir, "right".toCharArray()).put("s", "secret");
        String before = Files.readString(dir.resolve("vault.properties"));
        VaultException e = assertThrows(VaultException.class, () -> EncryptedVault.open(dir, "wrong".toCharArray()));
        assertEquals("the master password is not correct", e.getMessage());
        assertEquals(before, Files.readString(dir.resolve("vault.properties")));
    }

    @Test
    void entriesCannotBeSwappedOrTamperedWith() throws Exception {
        EncryptedVault v = EncryptedVault.open(dir, "pw".toCharArray());
        v.put("a", "secret-a");
        v.put("b", "secret-b");
        Path f = dir.resolve("vault.properties");
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(f)) {
            p.load(r);
        }
        p.setProperty("entry.b", p.getProperty("entry.a"));
        try (var w = Files.newBufferedWriter(f)) {
            p.store(w, null);
        }
        // The ciphertext is bound to its name: a moved entry does not decrypt as the other site's password.
        EncryptedVault reopened = EncryptedVault.open(dir, "pw".toCharArray());
        VaultException e = assertThrows(VaultException.class, () -> reopened.get("b"));
        assertTrue(e.getMessage().contains("entry.b does not decrypt"), e.getMessage());
        assertEquals(Optional.of("secret-a"), reopened.get("a"));
    }

    @Test
    void sealsSecretsForAnExportWithoutWritingAFile() throws Exception {
        String sealed = EncryptedVault.seal(java.util.Map.of("a", "sealed-secret-1", "b", "sealed-secret-2"),
                "phrase".toCharArray());
        assertFalse(sealed.contains("sealed-secret"), sealed);
        assertTrue(sealed.contains("iterations=600000"), sealed);
        assertEquals(java.util.Map.of("a", "sealed-secret-1", "b", "sealed-secret-2"),
                EncryptedVault.unseal(sealed, "phrase".toCharArray()));
        assertThrows(WrongMasterPasswordException.class, () -> EncryptedVault.unseal(sealed, "other".toCharArray()));
        assertThrows(VaultException.class, () -> EncryptedVault.unseal("salt=\ncheck=x", "phrase".toCharArray()));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
