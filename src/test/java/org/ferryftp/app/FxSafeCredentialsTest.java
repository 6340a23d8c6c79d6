package org.ferryftp.app;

import org.ferryftp.site.vault.MemoryCredentialStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FX thread is served from the preloaded copy and never loses a password it has not seen. */
class FxSafeCredentialsTest {

    final ExecutorService io = Executors.newSingleThreadExecutor();
    final AtomicBoolean onFx = new AtomicBoolean(true);
    final List<String> problems = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    void drain() throws Exception {
        io.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void beforePreloadTheFxThreadIsRefusedAndNothingIsRemoved() throws Exception {
        MemoryCredentialStore real = new MemoryCredentialStore();
        real.put("site/a", "secret");
        FxSafeCredentials c = new FxSafeCredentials(real, io, onFx::get, problems::add);
        assertThrows(IOException.class, () -> c.get("site/a"));
        assertThrows(IOException.class, () -> c.remove("site/a"));
        drain();
        assertEquals(Optional.of("secret"), real.get("site/a"));
    }

    @Test
    void afterPreloadTheFxThreadReadsTheCopyAndWritesGoThroughInOrder() throws Exception {
        MemoryCredentialStore real = new MemoryCredentialStore();
        real.put("site/a", "secret");
        FxSafeCredentials c = new FxSafeCredentials(real, io, onFx::get, problems::add);
        c.preload(List.of("site/a", "site/b")).get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of("secret"), c.get("site/a"));
        assertEquals(Optional.empty(), c.get("site/new"), "after a complete preload, unknown means none");
        c.put("site/new", "n3w");
        c.put("site/a", "changed");
        c.remove("site/a");
        assertEquals(Optional.empty(), c.get("site/a"));
        drain();
        assertEquals(Optional.empty(), real.get("site/a"));
        assertEquals(Optional.of("n3w"), real.get("site/new"));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void workerThreadsReachTheRealStore() throws Exception {
        MemoryCredentialStore real = new MemoryCredentialStore();
        real.put("site/a", "secret");
        onFx.set(false);
        FxSafeCredentials c = new FxSafeCredentials(real, io, onFx::get, problems::add);
        assertEquals(Optional.of("secret"), c.get("site/a"));
        c.put("site/b", "x");
        assertEquals(Optional.of("x"), real.get("site/b"));
    }
}
