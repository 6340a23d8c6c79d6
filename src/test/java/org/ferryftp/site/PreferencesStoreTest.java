package org.ferryftp.site;

import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferencesStoreTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaults() {
        PreferencesStore.Loaded l = new PreferencesStore(dir).load();
        assertEquals(Preferences.DEFAULTS, l.preferences());
        assertTrue(l.problems().isEmpty());
        assertTrue(l.preferences().asksOnConflict(), "the default is to ask");
    }

    @Test
    void roundTripAndBackup() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        Preferences p = new Preferences(4, 3, ConflictChoice.OVERWRITE_IF_NEWER, RelayPolicy.FALLBACK, 1_000_000, 500, true);
        store.save(Preferences.DEFAULTS);
        store.save(p);
        assertEquals(p, store.load().preferences());
        assertTrue(Files.exists(dir.resolve("preferences.properties.bak")), "the previous version is kept");
        assertEquals(4, p.queueSettings().concurrency());
    }

    @Test
    void speedLimitsAndBrowserChoicesRoundTrip() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        Preferences p = new Preferences(2, 5, null, RelayPolicy.NEVER, 0, 100, false, 500 * 1024, 64 * 1024, false,
                FileActivation.NOTHING, false);
        store.save(p);
        Preferences loaded = new PreferencesStore(dir).load().preferences();
        assertEquals(p, loaded);
        assertEquals(0, loaded.effectiveDownloadLimit(), "switched off");
        assertEquals(500 * 1024, loaded.withLimitsOn(true).effectiveDownloadLimit());
        assertTrue(Preferences.DEFAULTS.parentRow(), "the \"..\" row is on by default");
        assertEquals(FileActivation.TRANSFER, Preferences.DEFAULTS.fileActivation());
    }

    @Test
    void theTransferTypeRoundTripsAndABadOneIsReported() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        store.save(Preferences.DEFAULTS.withTransferType(org.ferryftp.ftp.TypeOverride.ASCII));
        assertEquals(org.ferryftp.ftp.TypeOverride.ASCII, new PreferencesStore(dir).load().preferences().transferType());
        assertEquals(org.ferryftp.ftp.TypeOverride.AUTO, Preferences.DEFAULTS.transferType());
        Files.writeString(dir.resolve("preferences.properties"), "transfer.type=ebcdic\n");
        PreferencesStore.Loaded bad = new PreferencesStore(dir).load();
        assertEquals(org.ferryftp.ftp.TypeOverride.AUTO, bad.preferences().transferType());
        assertEquals(List.of("transfer.type must be auto, ascii or binary; using auto"), bad.problems());
    }

    @Test
    void theDefaultProxyRoundTripsWithoutItsPasswordAndADamagedOneIsReportedAndIgnored() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        SiteProxy proxy = new SiteProxy(org.ferryftp.ftp.ProxySettings.Type.HTTP, "::1", 8888, "me");
        store.save(Preferences.DEFAULTS.withDefaultProxy(proxy));
        assertEquals(proxy, new PreferencesStore(dir).load().preferences().defaultProxy());
        String file = Files.readString(dir.resolve("preferences.properties"));
        assertTrue(file.contains("proxy.type=http"), file);
        new PreferencesStore(dir).save(Preferences.DEFAULTS);
        assertEquals(null, new PreferencesStore(dir).load().preferences().defaultProxy());

        Files.writeString(dir.resolve("preferences.properties"), "proxy.type=socks5\nproxy.host=\nproxy.port=1080\n");
        PreferencesStore.Loaded l = new PreferencesStore(dir).load();
        assertEquals(null, l.preferences().defaultProxy());
        assertEquals(1, l.problems().size(), l.problems().toString());
        assertTrue(l.problems().get(0).contains("the default proxy"), l.problems().toString());
    }

    @Test
    void choicesAreReadInAnyCaseAndABadOneFallsBackWithItsOwnProblem() throws Exception {
        Files.writeString(dir.resolve("preferences.properties"), "transfer.conflict= Overwrite_If_Newer \n"
                + "transfer.relay=Always\nbrowser.activation=EDIT\ntransfer.type=binary\n");
        Preferences read = new PreferencesStore(dir).load().preferences();
        assertEquals(List.of(ConflictChoice.OVERWRITE_IF_NEWER, RelayPolicy.ALWAYS, FileActivation.EDIT,
                org.ferryftp.ftp.TypeOverride.BINARY), List.of(read.conflictDefault(), read.relay(),
                read.fileActivation(), read.transferType()));
        Files.writeString(dir.resolve("preferences.properties"), "transfer.conflict=Sometimes\n"
                + "transfer.relay=maybe\nbrowser.activation=twice\ntransfer.type=ebcdic\n");
        PreferencesStore.Loaded bad = new PreferencesStore(dir).load();
        assertEquals(Preferences.DEFAULTS, bad.preferences());
        assertEquals(List.of("transfer.conflict=sometimes is not a choice; asking instead",
                "transfer.relay must be never, fallback or always; using never",
                "browser.activation must be transfer, view, edit or nothing; using transfer",
                "transfer.type must be auto, ascii or binary; using auto"), bad.problems());
        Files.writeString(dir.resolve("preferences.properties"), "transfer.conflict=ASK\n");
        assertTrue(new PreferencesStore(dir).load().preferences().asksOnConflict());
    }

    @Test
    void badValuesFallBackAndAreReported() throws Exception {
        Files.writeString(dir.resolve("preferences.properties"),
                "transfer.concurrency=99\ntransfer.conflict=sometimes\ntransfer.relay=maybe\ntransfer.attempts=abc\n");
        PreferencesStore.Loaded l = new PreferencesStore(dir).load();
        assertEquals(Preferences.DEFAULTS, l.preferences());
        assertEquals(4, l.problems().size(), l.problems().toString());
        assertTrue(l.problems().get(0).contains("transfer.concurrency=99"), l.problems().toString());
    }

    @Test
    void aDamagedLineIsReportedKeptAsideAndTheGoodSettingsStay() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-05-06T07:08:09Z"),
                java.time.ZoneOffset.UTC);
        Path file = dir.resolve("preferences.properties");
        String damaged = "transfer.concurrency=4\ntransfer.relay=\\u00zz\ntransfer.attempts=7\n";
        Files.writeString(file, damaged);
        PreferencesStore store = new PreferencesStore(dir, clock);

        PreferencesStore.Loaded l = store.load();

        Path aside = dir.resolve("preferences.properties.damaged-20260506-070809");
        assertEquals(1, l.problems().size(), l.problems().toString());
        String problem = l.problems().get(0);
        assertTrue(problem.contains(file.toString()) && problem.contains(aside.toString())
                && problem.contains("line 2"), problem);
        assertEquals(damaged, Files.readString(aside));
        assertEquals(4, l.preferences().concurrency());
        assertEquals(7, l.preferences().maxAttempts());

        store.save(new Preferences(4, 7, null, RelayPolicy.ALWAYS, 0, 10_000, false));
        PreferencesStore.Loaded again = new PreferencesStore(dir, clock).load();
        assertTrue(again.problems().isEmpty(), again.problems().toString());
        assertEquals(new Preferences(4, 7, null, RelayPolicy.ALWAYS, 0, 10_000, false), again.preferences());
    }

    @Test
    void aSaveWritesOnlyItsOwnChangesOverAnotherProcesss() throws Exception {
        PreferencesStore window = new PreferencesStore(dir);
        PreferencesStore other = new PreferencesStore(dir);
        window.save(Preferences.DEFAULTS);
        Files.writeString(dir.resolve("preferences.properties"), "future.setting=kept\n", java.nio.file.StandardOpenOption.APPEND);
        Preferences loaded = window.load().preferences();
        other.load();
        other.save(new Preferences(5, loaded.maxAttempts(), null, RelayPolicy.NEVER, 0, 10_000, false));
        window.save(new Preferences(loaded.concurrency(), 9, null, RelayPolicy.NEVER, 0, 10_000, false));

        Preferences now = new PreferencesStore(dir).load().preferences();
        assertEquals(5, now.concurrency(), "the other process's change stays");
        assertEquals(9, now.maxAttempts());
        assertTrue(Files.readString(dir.resolve("preferences.properties")).contains("future.setting=kept"));
    }
}
