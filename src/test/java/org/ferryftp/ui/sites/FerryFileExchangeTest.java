package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.store.SiteStoreTest;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Export…" and "Import Ferry file…" through the view model, with scripted dialogs (no stage). */
class FerryFileExchangeTest {

    @TempDir
    Path dir;
    @TempDir
    Path otherDir;
    @TempDir
    Path files;
    final ScriptedSiteDialogs dialogs = new ScriptedSiteDialogs();
    final MemoryCredentialStore credentials = new MemoryCredentialStore();
    final AtomicInteger ids = new AtomicInteger();
    List<SiteProfile> sites;

    @BeforeEach
    void setUp() throws Exception {
        sites = List.of(SiteStoreTest.site("a"), SiteProfile.builder("b", "Plain", "plain.example.org").user("p").build());
        new SiteStore(dir, Clock.systemUTC()).save(sites, List.of(List.of("Empty", "Inner")));
        credentials.put(SiteSessions.credentialKey(sites.get(0)), "pw-a-secret");
        credentials.put(SiteSessions.credentialKey(sites.get(1)), "pw-b-secret");
    }

    SiteManagerViewModel vm(Path configDir, MemoryCredentialStore store) {
        SiteStore s = new SiteStore(configDir, Clock.systemUTC());
        return new SiteManagerViewModel(s, s.load(), store, SiteDefaults.BUILT_IN, dialogs, new Messages(Locale.ENGLISH),
                (side, p) -> Optional.empty(), saved -> { }, () -> "new" + ids.incrementAndGet());
    }

    @Test
    void exportWithoutPasswordsHoldsNoneAndImportsElsewhereWithEverySetting() throws Exception {
        Path file = files.resolve("export.json");
        dialogs.exportFile = file;
        new FerryFileExchange(vm(dir, credentials)).export();
        assertEquals(List.of("export passwords", "export file"), dialogs.asked);
        String text = Files.readString(file);
        assertFalse(text.contains("pw-a-secret") || text.contains("pw-b-secret"), text);
        assertTrue(dialogs.shown.get(0).startsWith("Exported 2 sites to "), dialogs.shown.toString());

        MemoryCredentialStore elsewhere = new MemoryCredentialStore();
        dialogs.file = file;
        new FerryFileExchange(vm(otherDir, elsewhere)).importFile();
        SiteStore.Loaded loaded = new SiteStore(otherDir, Clock.systemUTC()).load();
        assertEquals(sites, loaded.sites());
        assertEquals(List.of(List.of("Empty", "Inner")), loaded.folders());
        assertTrue(elsewhere.get(SiteSessions.credentialKey(sites.get(0))).isEmpty());
        assertEquals("Imported 2 sites.", dialogs.shown.get(1));
    }

    @Test
    void exportWithPasswordsEncryptsThemAndImportNeverReplacesASavedSite() throws Exception {
        Path file = files.resolve("with.json");
        dialogs.exportFile = file;
        dialogs.exportPasswords = true;
        dialogs.passphrase = "ui phrase";
        SiteManagerViewModel vm = vm(dir, credentials);
        new FerryFileExchange(vm).export();
        assertEquals(List.of("export passwords", "new passphrase", "export file"), dialogs.asked);
        String text = Files.readString(file);
        assertFalse(text.contains("pw-a-secret") || text.contains("pw-b-secret"), text);
        assertTrue(dialogs.shown.get(0).contains("2 passwords encrypted with your passphrase"), dialogs.shown.toString());

        dialogs.file = file;
        dialogs.passphrase = "wrong phrase";
        byte[] before = Files.readAllBytes(dir.resolve("sites.json"));
        new FerryFileExchange(vm).importFile();
        assertTrue(dialogs.shown.get(1).startsWith("The passphrase does not open"), dialogs.shown.toString());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("sites.json")));
        dialogs.shown.clear();
        dialogs.shown.add("export summary");

        dialogs.passphrase = "ui phrase";
        new FerryFileExchange(vm).importFile();
        List<SiteProfile> now = new SiteStore(dir, Clock.systemUTC()).load().sites();
        assertEquals(4, now.size());
        assertEquals(sites, now.subList(0, 2));
        assertEquals(sites.get(0).toBuilder().id("new1").name("Mainframe a 2").build(), now.get(2));
        assertEquals("pw-a-secret", credentials.get(SiteSessions.credentialKey(now.get(2))).orElseThrow());
        assertTrue(dialogs.shown.get(1).contains("Work/Legacy/Mainframe a \u2192 Work/Legacy/Mainframe a 2"),
                dialogs.shown.get(1));
    }

    @Test
    void cancellingOrABadFileChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("sites.json"));
        dialogs.exportPasswords = null;
        dialogs.exportFile = files.resolve("never.json");
        new FerryFileExchange(vm(dir, credentials)).export();
        assertFalse(Files.exists(files.resolve("never.json")));

        dialogs.file = Files.writeString(files.resolve("bad.json"), "{\"version\": 99, \"sites\": []}");
        new FerryFileExchange(vm(dir, credentials)).importFile();
        assertTrue(dialogs.shown.get(0).startsWith("Could not import"), dialogs.shown.toString());
        assertTrue(dialogs.shown.get(0).contains("version 99"), dialogs.shown.toString());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("sites.json")));
    }
}
