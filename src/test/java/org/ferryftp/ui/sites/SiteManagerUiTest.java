package org.ferryftp.ui.sites;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window and site manager against an embedded MINA server: create a site, save it, connect. */
@ExtendWith(ApplicationExtension.class)
class SiteManagerUiTest {

    private EmbeddedMinaServer server;
    private Path localDir;
    private Path configDir;
    private SiteStore store;
    private MemoryCredentialStore credentials;
    private final ScriptedSiteDialogs siteDialogs = new ScriptedSiteDialogs();
    private TestWindow test;
    private MainWindow window;
    private SiteManager manager;

    @Start
    void start(Stage stage) throws IOException {
        server = new EmbeddedMinaServer(Files.createTempDirectory("ferry-sites-server"));
        server.write("README.txt", "hello".getBytes(StandardCharsets.UTF_8));
        server.write("pub/notes.txt", "n".getBytes(StandardCharsets.UTF_8));
        localDir = Files.createTempDirectory("ferry-sites-local");
        Files.writeString(localDir.resolve("local.txt"), "l");
        configDir = Files.createTempDirectory("ferry-sites-config");
        store = new SiteStore(configDir, Clock.systemUTC());
        credentials = new MemoryCredentialStore();
        TestWindow.Builder builder = TestWindow.on(stage).localHome(localDir);
        manager = new SiteManager(store, store.load(), builder.catalog(credentials), SiteDefaults.BUILT_IN,
                builder.msg(), builder.window(), owner -> siteDialogs);
        test = builder.with(b -> b.sites(manager)).show();
        window = test.window();
    }

    @AfterEach
    void stop() throws IOException {
        test.close();
        server.close();
        for (Path p : new Path[] {server.root(), localDir, configDir}) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    private List<String> names(PaneView pane) {
        return fx(() -> pane.viewModel().rows().stream().map(FileRow::name).toList());
    }

    private void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        until(id + " holds " + text, () -> robot.lookup(id).queryAs(TextField.class).getText().equals(text));
    }

    private void openManagerAndCreateSite(FxRobot robot) {
        robot.clickOn("#tool-sites");
        until("site manager open", () -> robot.lookup("#site-manager").tryQuery().isPresent());
        robot.clickOn("#site-new");
        until("form shown", () -> robot.lookup("#site-name").queryAs(TextField.class).isVisible());
        type(robot, "#site-name", "Mina");
        type(robot, "#site-host", "127.0.0.1");
        type(robot, "#site-port", Integer.toString(server.port()));
        type(robot, "#site-user", EmbeddedMinaServer.USER);
        type(robot, "#site-password", EmbeddedMinaServer.PASSWORD);
    }

    /** At its default size every button shows its whole label (the walk-through saw "Cl…", "Connect in le…"). */
    @Test
    void noButtonIsTruncatedAtTheDefaultSize(FxRobot robot) {
        openManagerAndCreateSite(robot);
        javafx.scene.Node manager = robot.lookup("#site-manager").query();
        java.util.List<String> cut = org.ferryftp.ui.support.FxWait.fx(() -> {
            manager.getScene().getRoot().applyCss();
            manager.getScene().getRoot().layout();
            return manager.getScene().getRoot().lookupAll(".button").stream()
                    .filter(n -> n instanceof javafx.scene.control.Button b && b.isVisible()
                            && b.getWidth() + 0.5 < b.prefWidth(-1))
                    .map(n -> ((javafx.scene.control.Button) n).getText() + " (" + Math.round(((javafx.scene.control.Button) n).getWidth())
                            + " < " + Math.round(((javafx.scene.control.Button) n).prefWidth(-1)) + ")")
                    .toList();
        });
        assertEquals(java.util.List.of(), cut, "truncated buttons");
    }

    @Test
    void createdSiteConnectsInTheRightPaneAndListsTheServer(FxRobot robot) {
        openManagerAndCreateSite(robot);
        clickTab(robot, "Advanced");
        type(robot, "#site-remote-dir", "/pub");
        robot.clickOn("#site-save");
        until("saved", () -> store.load().sites().size() == 1);
        SiteProfile saved = store.load().sites().get(0);
        assertEquals(server.port(), saved.port());
        assertEquals(EmbeddedMinaServer.PASSWORD, credentials.get(SiteSessions.credentialKey(saved)).orElseThrow());

        assertEquals("/pub", saved.remoteDir());
        robot.clickOn("#site-connect-right");
        until("right pane lists the site's default folder", 20, () -> names(window.right()).contains("notes.txt"));
        assertEquals("/pub", fx(() -> window.right().viewModel().pathProperty().get()));
        robot.clickOn("#right-up");
        until("right pane lists the server's top level", 20, () -> names(window.right()).contains("README.txt"));
        assertEquals("site:" + saved.id(), fx(() -> window.right().viewModel().sourceProperty().get().site().id()));
        assertTrue(fx(() -> window.right().node().lookup("#right-source") != null));
        assertFalse(robot.lookup("#site-manager").tryQuery().isPresent(), "the manager closes on connect");
        assertTrue(names(window.left()).contains("local.txt"), "the left pane stays local");
    }

    @Test
    void invalidPortIsShownAndNotSavedThenTheSiteMovesAndIsDeleted(FxRobot robot) throws IOException {
        openManagerAndCreateSite(robot);
        type(robot, "#site-port", "70000");
        robot.clickOn("#site-save");
        until("error shown", () -> robot.lookup("#site-error").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#site-error").queryAs(Label.class).getText().contains("1 to 65535"));
        assertTrue(store.load().sites().isEmpty(), "nothing saved");

        type(robot, "#site-port", "2121");
        robot.clickOn("#site-save");
        until("saved", () -> store.load().sites().size() == 1);
        until("error gone", () -> !robot.lookup("#site-error").queryAs(Label.class).isVisible());

        robot.clickOn("#site-tree");
        fx(() -> {
            manager.viewModel().selectedProperty().set(new SiteTree.FolderKey(List.of()));
            return null;
        });
        siteDialogs.name = "Work";
        robot.clickOn("#site-new-folder");
        until("folder row", () -> robot.lookup("#site-row-Work").tryQuery().isPresent());
        Node site = robot.lookup("#site-row-Mina").query();
        robot.drag(site).dropTo("#site-row-Work");
        until("moved", () -> store.load().sites().get(0).folder().equals(List.of("Work")));

        // Edits are kept when another row is selected.
        robot.clickOn("#site-row-Mina");
        type(robot, "#site-port", "2200");
        robot.clickOn("#site-row-Work");
        until("edit kept", () -> store.load().sites().get(0).port() == 2200);

        robot.clickOn("#site-search").write("nomatch");
        until("filtered", () -> robot.lookup("#site-row-Mina").tryQuery().isEmpty());
        type(robot, "#site-search", "");
        until("unfiltered", () -> robot.lookup("#site-row-Mina").tryQuery().isPresent());

        robot.clickOn("#site-row-Mina");
        robot.clickOn("#site-delete");
        until("deleted", () -> store.load().sites().isEmpty());
        assertTrue(siteDialogs.asked.stream().anyMatch(a -> a.startsWith("delete") && a.contains("Mina")));
    }

    @Test
    void askForPasswordSiteStoresNothingAndAsksWhenConnecting(FxRobot robot) {
        openManagerAndCreateSite(robot);
        robot.clickOn("#site-login");
        robot.clickOn("Ask for password");
        until("password field disabled", () -> robot.lookup("#site-password").queryAs(TextField.class).isDisabled());
        robot.clickOn("#site-connect-left");
        until("asked for the password", () -> robot.lookup("#ask-password").tryQuery().isPresent());
        SiteProfile saved = store.load().sites().get(0);
        assertEquals(org.ferryftp.site.LoginType.ASK, saved.login());
        assertTrue(credentials.get(SiteSessions.credentialKey(saved)).isEmpty(), "nothing stored");
        robot.clickOn("#ask-password").write(EmbeddedMinaServer.PASSWORD).push(KeyCode.ENTER);
        until("left pane lists the server", 20, () -> names(window.left()).contains("README.txt"));
        assertTrue(credentials.get(SiteSessions.credentialKey(saved)).isEmpty(), "still nothing stored");
    }

    @Test
    void choosingSftpShowsTheKeyRowsHidesFtpSecurityAndGreysOutFtpOnlyFields(FxRobot robot) throws IOException {
        openManagerAndCreateSite(robot);
        assertTrue(shown(robot, "#site-tls"));
        assertFalse(shown(robot, "#site-key-file"));
        robot.clickOn("#site-protocol");
        robot.clickOn("SFTP (SSH)");
        until("key rows shown", () -> shown(robot, "#site-key-file"));
        assertFalse(shown(robot, "#site-tls"), "no FTP security for SFTP");
        assertFalse(shown(robot, "#site-account"));
        assertTrue(fx(() -> robot.lookup("#site-key-passphrase").query().isDisabled()), "no key, no passphrase");
        Path key = configDir.resolve("id_test");
        Files.writeString(key, "not really a key");
        siteDialogs.keyFile = key;
        robot.clickOn("#site-key-browse");
        until("key file chosen", () -> robot.lookup("#site-key-file").queryAs(TextField.class).getText()
                .equals(key.toString()));
        type(robot, "#site-key-passphrase", "phrase");
        robot.clickOn("#site-agent");
        clickTab(robot, "Transfer");
        until("FTP-only note shown", () -> shown(robot, "#site-ftp-only"));
        assertTrue(fx(() -> robot.lookup("#site-data-mode").query().isDisabled()));
        assertTrue(fx(() -> robot.lookup("#site-stru").query().isDisabled()));
        assertTrue(fx(() -> robot.lookup("#site-fxp-passive").query().isDisabled()));
        assertFalse(fx(() -> robot.lookup("#site-connections").query().isDisabled()));
        assertTrue(fx(() -> robot.lookup("#site-timeout-data").query().isDisabled()));
        assertFalse(fx(() -> robot.lookup("#site-timeout-reply").query().isDisabled()));
        robot.clickOn("#site-save");
        until("saved", () -> store.load().sites().size() == 1
                && store.load().sites().get(0).protocol() == org.ferryftp.site.SiteProtocol.SFTP);
        SiteProfile saved = store.load().sites().get(0);
        assertEquals(new org.ferryftp.site.SshKeys(key.toString(), true), saved.ssh());
        assertEquals("phrase", credentials.get(SiteSessions.keyPassphraseKey(saved)).orElseThrow());
    }

    /** True when the node and every parent are visible (a hidden row hides what is inside it). */
    private static boolean shown(FxRobot robot, String id) {
        return fx(() -> {
            for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void theProxyChoiceIsNoneTheDefaultOrTheSitesOwnAndSaysPassiveModeIsRequired(FxRobot robot) throws IOException {
        openManagerAndCreateSite(robot);
        clickTab(robot, "Advanced");
        until("proxy shown", () -> shown(robot, "#site-proxy"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<ProxyChoice> proxy = fx(() -> robot.lookup("#site-proxy")
                .queryAs(javafx.scene.control.ComboBox.class));
        assertEquals(List.of(ProxyChoice.NONE, ProxyChoice.DEFAULT, ProxyChoice.SOCKS5, ProxyChoice.SOCKS4A,
                ProxyChoice.HTTP), fx(() -> List.copyOf(proxy.getItems())));
        assertEquals(ProxyChoice.DEFAULT, fx(proxy::getValue), "a new site follows the default proxy");
        assertTrue(fx(() -> robot.lookup("#site-proxy-host").query().isDisabled()), "the default's host is not typed");
        assertTrue(shown(robot, "#site-proxy-passive"));
        robot.interact(() -> proxy.setValue(ProxyChoice.SOCKS5));
        assertFalse(fx(() -> robot.lookup("#site-proxy-host").query().isDisabled()));
        // (The row is below the tab's visible part at this size; the field is filled as a user scrolling would.)
        robot.interact(() -> robot.lookup("#site-proxy-host").queryAs(TextField.class).setText("socks.example.org"));
        robot.interact(() -> proxy.setValue(ProxyChoice.NONE));
        until("note hidden without a proxy", () -> !shown(robot, "#site-proxy-passive"));
        robot.interact(() -> proxy.setValue(ProxyChoice.DEFAULT));
        robot.clickOn("#site-save");
        until("saved", () -> store.load().sites().size() == 1);
        assertEquals(org.ferryftp.site.ProxyUse.DEFAULT, store.load().sites().get(0).proxy());
    }

    @Test
    void exportAndImportFerryFileButtons(FxRobot robot) throws IOException {
        openManagerAndCreateSite(robot);
        robot.clickOn("#site-save");
        until("saved", () -> store.load().sites().size() == 1);
        Path export = configDir.resolve("export.json");
        siteDialogs.exportFile = export;
        robot.clickOn("#site-export");
        until("exported", () -> Files.exists(export));
        assertFalse(Files.readString(export).contains(EmbeddedMinaServer.PASSWORD));
        siteDialogs.file = export;
        robot.clickOn("#site-import-ferry");
        until("imported beside the saved site", () -> store.load().sites().size() == 2);
        assertEquals(List.of("Mina", "Mina 2"), store.load().sites().stream().map(SiteProfile::name).toList());
        until("tree shows it", () -> robot.lookup("#site-row-Mina_2").tryQuery().isPresent());
    }

    /** The site form's tab of that title (the main window's menu bar has a Transfer menu too). */
    private static void clickTab(FxRobot robot, String title) {
        javafx.scene.Node tabs = robot.lookup("#site-tabs").query();
        robot.clickOn(robot.from(tabs).lookup(org.testfx.matcher.control.LabeledMatchers.hasText(title))
                .<javafx.scene.Node>query());
    }
}
