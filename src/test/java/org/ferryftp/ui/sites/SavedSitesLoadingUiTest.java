package org.ferryftp.ui.sites;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.QuickConnect;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
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

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window shows before the saved sites are read (issue 18): until they are, the site manager says it is loading
 * (never an empty list that reads as "no sites"), "Save as site" says so and writes nothing, and a remembered tab of a
 * saved site waits; once they are, the manager lists them, the panes offer them and that tab opens its site.
 */
@ExtendWith(ApplicationExtension.class)
class SavedSitesLoadingUiTest {

    @TempDir
    Path dir;
    private EmbeddedMinaServer server;
    private Path configDir;
    private SiteStore store;
    private final CompletableFuture<SiteStore.Loaded> loaded = new CompletableFuture<>();
    private TestWindow test;
    private MainWindow window;
    private SiteManager manager;

    @Start
    void start(Stage stage) throws IOException {
        server = new EmbeddedMinaServer(Files.createDirectory(dir.resolve("server")));
        server.write("README.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Path localDir = Files.createDirectory(dir.resolve("local"));
        configDir = Files.createDirectory(dir.resolve("config"));
        store = new SiteStore(configDir, Clock.systemUTC());
        SiteProfile mina = SiteProfile.builder("mina", "Mina", "127.0.0.1").port(server.port())
                .user(EmbeddedMinaServer.USER).build();
        store.save(List.of(mina, SiteProfile.builder("other", "Other", "127.0.0.1").port(9).build()), List.of());
        MemoryCredentialStore credentials = new MemoryCredentialStore();
        credentials.put(SiteSessions.credentialKey(mina), EmbeddedMinaServer.PASSWORD);
        // The right pane's remembered tab is the saved site "Mina".
        Files.writeString(configDir.resolve("tabs.properties"), "right.0.site=" + SiteSessions.refId(mina)
                + "\nright.selected=0\n");
        TestWindow.Builder builder = TestWindow.on(stage).localHome(localDir);
        manager = new SiteManager(store, loaded, javafx.application.Platform::runLater, builder.catalog(credentials),
                SiteDefaults.BUILT_IN, builder.msg(), builder.window(), owner -> new ScriptedSiteDialogs(), null);
        test = builder.with(b -> b.sites(manager).laterSources(manager.loadedSources()).configDir(configDir)).show();
        window = test.window();
    }

    @AfterEach
    void stop() {
        test.close();
        server.close();
    }

    @SuppressWarnings("unchecked")
    private List<String> offered(FxRobot robot) {
        return fx(() -> ((ComboBox<Source>) robot.lookup("#left-source").query()).getItems().stream()
                .map(Source::label).toList());
    }

    @Test
    void theManagerSaysLoadingUntilTheSitesAreReadThenListsThem(FxRobot robot) throws IOException {
        byte[] onDisk = Files.readAllBytes(store.file());
        robot.clickOn("#tool-sites");
        until("the manager's window says it is loading",
                () -> robot.lookup("#sites-loading").tryQuery().isPresent());
        assertTrue(robot.lookup("#site-tree").tryQuery().isEmpty(), "no (empty) site list while loading");
        assertEquals(List.of("Local"), offered(robot));
        assertEquals(null, fx(() -> window.right().viewModel().sourceProperty().get()),
                "the remembered tab of a saved site waits for the sites, rather than opening the local disk");
        String answer = fx(() -> manager.saveQuickConnect(new QuickConnect.Result(
                new org.ferryftp.fs.SiteRef("quick", "example.org",
                        SessionSettings.of("example.org", 21, Credentials.anonymous()), 1), null)));
        assertEquals(new Messages(Locale.ENGLISH).get("sites.stillLoading"), answer);
        assertTrue(java.util.Arrays.equals(onDisk, Files.readAllBytes(store.file())), "nothing written while loading");

        loaded.complete(store.load());

        until("the manager lists the saved sites", () -> robot.lookup("#site-row-Mina").tryQuery().isPresent()
                && robot.lookup("#site-row-Other").tryQuery().isPresent());
        assertTrue(robot.lookup("#sites-loading").tryQuery().isEmpty());
        until("the panes offer the saved sites", () -> offered(robot).containsAll(List.of("Mina", "Other")));
        until("the remembered tab opens its saved site", () -> fx(() -> {
            Source s = window.right().viewModel().sourceProperty().get();
            return s != null && !s.isLocal() && s.label().equals("Mina")
                    && window.right().viewModel().rows().stream().anyMatch(r -> r.name().equals("README.txt"));
        }));
        assertFalse(fx(() -> window.right().viewModel().sourceProperty().get().isLocal()));
    }

    @Test
    void aWindowClosedBeforeTheSitesAreReadRemembersTheTabThatWaitedForThem() throws IOException {
        fx(() -> {
            window.close();
            return null;
        });
        java.util.Properties tabs = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(configDir.resolve("tabs.properties"))) {
            tabs.load(in);
        }
        assertEquals(SiteSessions.refId(SiteProfile.builder("mina", "Mina", "127.0.0.1").build()),
                tabs.getProperty("right.0.site"), tabs.toString());
    }
}
