package org.ferryftp.site;

import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void badValuesFallBackAndAreReported() throws Exception {
        Files.writeString(dir.resolve("preferences.properties"),
                "transfer.concurrency=99\ntransfer.conflict=sometimes\ntransfer.relay=maybe\ntransfer.attempts=abc\n");
        PreferencesStore.Loaded l = new PreferencesStore(dir).load();
        assertEquals(Preferences.DEFAULTS, l.preferences());
        assertEquals(4, l.problems().size(), l.problems().toString());
        assertTrue(l.problems().get(0).contains("transfer.concurrency=99"), l.problems().toString());
    }
}
