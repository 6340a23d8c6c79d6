package org.ferryftp.app;

import javafx.stage.Stage;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.trust.CertificatePrompt;
import org.ferryftp.site.trust.HostKeyPrompt;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved sites are read after the window's first frame, off the FX thread (issue 18), and nothing is lost. */
@ExtendWith(ApplicationExtension.class)
class SiteWiringUiTest {

    @TempDir
    Path config;
    private ExecutorService credentialIo;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> problemThreads = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        // The wiring needs the FX toolkit running (the manager takes the sites on the FX thread), not a window.
    }

    @BeforeEach
    void io() {
        credentialIo = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopIo() {
        credentialIo.shutdownNow();
    }

    private SiteWiring wiring() {
        return fx(() -> new SiteWiring(config, Preferences.DEFAULTS, new Messages(Locale.ENGLISH), () -> null,
                () -> null, new MemoryCredentialStore(), credentialIo, CertificatePrompt.REFUSE, HostKeyPrompt.REFUSE,
                line -> {
                    problems.add(line);
                    problemThreads.add(Thread.currentThread().getName());
                }, firstFrame));
    }

    private static void save(Path config, String... names) throws IOException {
        Files.deleteIfExists(config.resolve("sites.json"));
        new SiteStore(config, Clock.systemUTC()).save(Stream.of(names)
                .map(n -> SiteProfile.builder(n.toLowerCase(Locale.ROOT), n, "127.0.0.1").build()).toList(), List.of());
    }

    @Test
    void theSitesFileIsReadOnlyAfterTheFirstFrameAndOffTheFxThread() throws IOException {
        save(config, "Before");
        SiteWiring sites = wiring();
        // What the file holds once the first frame is out is what the window gets: it was not read before.
        save(config, "After");
        assertTrue(sites.catalog().profiles().isEmpty());
        assertFalse(sites.manager().loadedSources().toCompletableFuture().isDone());

        firstFrame.complete(null);

        until("the sites are read", () -> sites.manager().loadedSources().toCompletableFuture().isDone());
        assertEquals(List.of("After"), sites.manager().loadedSources().toCompletableFuture().join().stream()
                .map(Source::label).toList());
        assertEquals(List.of("After"), sites.catalog().profiles().stream().map(SiteProfile::name).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void aDamagedSitesFileGivesOneLineAndIsKept() throws IOException {
        byte[] damaged = "{\"version\": 1, \"sites\": [{\"id\": ".getBytes(StandardCharsets.UTF_8);
        Files.write(config.resolve("sites.json"), damaged);
        SiteWiring sites = wiring();
        firstFrame.complete(null);

        until("the sites are read", () -> sites.manager().loadedSources().toCompletableFuture().isDone());
        assertEquals(List.of(), sites.manager().loadedSources().toCompletableFuture().join());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Saved sites: ") && !problems.get(0).contains("\n"), problems.get(0));
        assertEquals(List.of("ferry-sites-load"), problemThreads, "read on its own thread, not the FX thread");
        try (Stream<Path> files = Files.list(config)) {
            assertTrue(files.anyMatch(p -> {
                try {
                    return java.util.Arrays.equals(damaged, Files.readAllBytes(p));
                } catch (IOException e) {
                    return false;
                }
            }), "the damaged file is kept");
        }
    }
}
