package org.ferryftp.ui.main;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.browser.RowMark;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.HomeOverrideBrowser;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection tabs (issue 17) on the real window: Ctrl+T and Ctrl+W, Ctrl+Tab, the header's state, tabs surviving a
 * restart (a second window on the same config directory), a drop on a tab header, and the comparison following the
 * selected tab. The local disk is real (temporary folders); sites are fake browsers, one per connection, so that a
 * closed tab's connection can be seen closed.
 */
@ExtendWith(ApplicationExtension.class)
class TabsUiTest {

    private static final SiteRef SITE = new SiteRef("site-a", "Site A", SessionSettings.of("127.0.0.1", 2121,
            Credentials.of("u", "p")), 1);
    private static final SiteRef OTHER = new SiteRef("site-b", "Site B", SessionSettings.of("127.0.0.1", 2122,
            Credentials.of("u", "p")), 1);
    private static final SiteRef BROKEN = new SiteRef("broken", "Broken", SessionSettings.of("127.0.0.1", 2123,
            Credentials.of("u", "p")), 1);

    private Stage stage;
    private Path home;
    private Path config;
    /** The window open now (a restart closes one and opens another). */
    private TestWindow test;
    private final RecordingSubmitter submitter = new RecordingSubmitter();
    /** Every connection a site tab opened, in order. */
    private final List<FakeBrowser> connections = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createTempDirectory("ferry-tabs-home");
        Files.writeString(home.resolve("a.txt"), "aaa");
        Files.createDirectories(home.resolve("sub"));
        config = Files.createTempDirectory("ferry-tabs-config");
    }

    @AfterEach
    void tearDown() {
        if (test != null) {
            test.close();
        }
    }

    private MainWindow open(Source leftStart, Source rightStart) {
        Source local = Source.local("Local");
        BrowserFactory browsers = s -> {
            if (s.isLocal()) {
                return new HomeOverrideBrowser(new LocalBrowser(), home.toString());
            }
            if (s.site().id().equals(BROKEN.id())) {
                throw new IOException("connection refused");
            }
            FakeBrowser b = new FakeBrowser("/").with("/", FakeBrowser.dir("in"), FakeBrowser.file("r.txt", 5))
                    .with("/in", FakeBrowser.file("x.txt", 1));
            connections.add(b);
            return b;
        };
        test = fx(() -> {
            TestWindow shown = TestWindow.on(stage).browsers(browsers)
                    .sources(List.of(local, Source.of(SITE), Source.of(OTHER), Source.of(BROKEN)), local,
                            rightStart == null ? local : rightStart)
                    .submitter(submitter)
                    .with(b -> b.configDir(config))
                    .show();
            stage.setWidth(1400);
            stage.setHeight(860);
            return shown;
        });
        MainWindow w = test.window();
        until("both panes listed", () -> w.left().viewModel().pathProperty().get() != null
                && w.right().viewModel().pathProperty().get() != null);
        return w;
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private static List<String> labels(PaneTabs side) {
        return side.tabs().stream().map(p -> p.viewModel().sourceProperty().get().label()).toList();
    }

    @Test
    void ctrlTOpensALocalTabInTheFocusedPaneAndCtrlWClosesItsConnection(FxRobot robot) {
        MainWindow w = open(null, Source.of(SITE));
        PaneView siteTab = fx(w::right);
        until("the site listed", () -> siteTab.viewModel().rows().stream().anyMatch(r -> r.name().equals("r.txt")));
        assertFalse(fx(() -> robot.lookup("#right-tabs").query().isVisible()), "one tab: no header row");

        onFx(siteTab::focusTable);
        press(robot, KeyCode.CONTROL, KeyCode.T);
        until("a second tab on the right", () -> w.rightTabs().tabs().size() == 2);
        assertEquals(List.of("Site A", "Local"), fx(() -> labels(w.rightTabs())));
        assertEquals(1, fx(() -> w.leftTabs().tabs().size()), "the left pane keeps its one tab");
        until("the new tab lists the local disk", () -> w.right() != siteTab
                && home.toString().equals(w.right().viewModel().pathProperty().get()));
        assertTrue(fx(() -> robot.lookup("#right-tabs").query().isVisible()), "two tabs: the header row shows");
        assertTrue(fx(() -> robot.lookup("#right-table").query() == w.right().table()),
                "the side's ids find the selected tab's pane");

        press(robot, KeyCode.CONTROL, KeyCode.TAB);
        until("Ctrl+Tab selects the site tab", () -> w.right() == siteTab);
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        until("Ctrl+Shift+Tab goes back", () -> w.right() != siteTab);
        press(robot, KeyCode.CONTROL, KeyCode.PAGE_UP);
        until("Ctrl+Page Up too", () -> w.right() == siteTab);

        press(robot, KeyCode.CONTROL, KeyCode.W);
        until("the site tab closed", () -> w.rightTabs().tabs().size() == 1);
        until("and its connection with it", () -> connections.get(0).operations.contains("close"));
        assertEquals(List.of("Local"), fx(() -> labels(w.rightTabs())));

        press(robot, KeyCode.CONTROL, KeyCode.W);
        until("closing the last tab leaves one local tab", () -> w.rightTabs().tabs().size() == 1
                && w.right().viewModel().pathProperty().get() != null);
        assertEquals(List.of("Local"), fx(() -> labels(w.rightTabs())));
        assertFalse(fx(() -> robot.lookup("#right-tabs").query().isVisible()));
    }

    @Test
    void aTabsHeaderNamesItsSiteAndShowsAFailedConnection(FxRobot robot) {
        MainWindow w = open(null, Source.of(SITE));
        onFx(() -> w.rightTabs().open(Source.of(BROKEN), null));
        until("the broken site's tab failed", () -> PaneTabs.state(w.right().viewModel()) == PaneTabs.TabState.FAILED);
        Node header = fx(() -> robot.lookup("#right-tab-1").query());
        assertTrue(fx(() -> header.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                .equals("failed"))), "the header shows the failure");
        String tip = fx(() -> header.getAccessibleText());
        assertTrue(tip.startsWith("Broken, ") && tip.contains("connection refused"), tip);
        String siteTip = fx(() -> robot.lookup("#right-tab-0").query().getAccessibleText());
        assertTrue(siteTip.startsWith("Site A, ") && siteTip.endsWith("\n/"), "site name and path: " + siteTip);
    }

    @Test
    void tabsSurviveARestartAndAQuickConnectTabComesBackLocal(FxRobot robot) throws IOException {
        MainWindow first = open(null, Source.of(SITE));
        until("the site listed", () -> first.right().viewModel().rows().size() == 2);
        onFx(() -> first.right().viewModel().navigate("/in"));
        until("in /in", () -> "/in".equals(first.right().viewModel().pathProperty().get()));
        onFx(() -> first.rightTabs().open(Source.local("Local"), home.resolve("sub").toString()));
        SiteRef quick = new SiteRef("quick:u@127.0.0.1:2124", "u@127.0.0.1:2124", SessionSettings.of("127.0.0.1", 2124,
                Credentials.of("u", "p")), 1);
        onFx(() -> first.rightTabs().open(Source.of(quick), null)); // as a quick connect: not a saved site
        onFx(() -> first.leftTabs().open(Source.of(OTHER), null));
        until("all tabs listed", () -> first.rightTabs().tabs().stream().allMatch(p ->
                p.viewModel().pathProperty().get() != null) && first.left().viewModel().pathProperty().get() != null);
        onFx(() -> first.rightTabs().select(first.rightTabs().tabs().get(1)));
        test.close();
        test = null;
        assertTrue(Files.readString(config.resolve("tabs.properties")).contains("right.0.site=site-a"));
        assertTrue(Files.readAllLines(config.resolve("tabs.properties")).stream().filter(l -> !l.startsWith("#"))
                .allMatch(l -> l.matches("(left|right)\\.(\\d+\\.(site|path)|selected)=.*")),
                "a tab is a site id and a folder, never a password");

        MainWindow second = open(null, null);
        until("three tabs on the right again", () -> second.rightTabs().tabs().size() == 3
                && second.rightTabs().tabs().stream().allMatch(p -> p.viewModel().pathProperty().get() != null));
        assertEquals(List.of("Site A", "Local", "Local"), fx(() -> labels(second.rightTabs())),
                "the quick connect's tab comes back on the local disk");
        assertEquals("/in", fx(() -> second.rightTabs().tabs().get(0).viewModel().pathProperty().get()));
        assertEquals(home.resolve("sub").toString(), fx(() -> second.right().viewModel().pathProperty().get()),
                "the selected tab is selected again");
        assertEquals(List.of("Local", "Site B"), fx(() -> labels(second.leftTabs())));
        assertEquals(1, fx(() -> second.leftTabs().tabs().indexOf(second.left())));
        String status = fx(() -> robot.lookup("#status").queryLabeled().getText());
        assertTrue(status.startsWith("A remembered tab of a site that is not saved opens on the local disk"), status);
    }

    @Test
    void aDamagedTabsFileGivesOneLineAndTheDefaultLayout(FxRobot robot) throws IOException {
        Files.writeString(config.resolve("tabs.properties"), "right.0.site=site-a\nright.selected=many\n\u0000junk\n");
        MainWindow w = open(null, null);
        assertEquals(1, fx(() -> w.rightTabs().tabs().size()));
        assertEquals(List.of("Local"), fx(() -> labels(w.rightTabs())));
        String status = fx(() -> robot.lookup("#status").queryLabeled().getText());
        assertTrue(status.contains("the remembered tabs") && status.contains("one tab each") && !status.contains("\n"),
                status);
        try (var aside = Files.list(config)) {
            assertTrue(aside.anyMatch(p -> p.getFileName().toString().startsWith("tabs.properties.damaged-")),
                    "the damaged file is kept");
        }
    }

    @Test
    void aDropOnATabHeaderSelectsItAndTransfersIntoItsFolder(FxRobot robot) {
        MainWindow w = open(null, Source.of(SITE));
        onFx(() -> w.rightTabs().open(Source.of(OTHER), "/in"));
        until("Site B in /in", () -> "/in".equals(w.right().viewModel().pathProperty().get()));
        onFx(() -> w.rightTabs().select(w.rightTabs().tabs().get(0)));
        Node file = cell(robot, "left", "a.txt");
        robot.drag(file).dropTo("#right-tab-1");
        until("submitted", () -> !submitter.requests.isEmpty());
        Location target = submitter.requests.get(0).targetDirectory();
        assertEquals("site-b", target.site().id());
        assertEquals("/in", target.path());
        assertEquals("Site B", fx(() -> w.right().viewModel().sourceProperty().get().label()),
                "hovering the header selected its tab");
    }

    @Test
    void theComparisonFollowsTheSelectedTab() throws IOException {
        Path same = Files.createTempDirectory("ferry-tabs-same");
        Files.writeString(same.resolve("a.txt"), "aaa");
        Files.setLastModifiedTime(same.resolve("a.txt"), Files.getLastModifiedTime(home.resolve("a.txt")));
        MainWindow w = open(null, Source.of(SITE));
        until("the site listed", () -> w.right().viewModel().rows().size() == 2);
        PaneView siteTab = fx(w::right);
        onFx(() -> w.comparison().activeProperty().set(true));
        until("a.txt only on the left", () -> w.comparison().resultProperty().get().left().get("a.txt")
                == RowMark.ONLY_HERE);

        onFx(() -> w.rightTabs().open(Source.local("Local"), same.toString()));
        until("compared with the new tab: the same file", () -> same.toString().equals(
                w.right().viewModel().pathProperty().get())
                && w.comparison().resultProperty().get().left().get("a.txt") == RowMark.SAME);
        assertNull(fx(() -> siteTab.viewModel().marks().of(row(siteTab, "r.txt"))),
                "the tab no longer shown keeps no marks");

        onFx(() -> w.rightTabs().select(siteTab));
        until("back on the site tab: only here again", () -> w.comparison().resultProperty().get().left()
                .get("a.txt") == RowMark.ONLY_HERE && siteTab.viewModel().marks().of(row(siteTab, "r.txt"))
                == RowMark.ONLY_HERE);
    }

    @Test
    void closingATabClosesTheSearchRunningOnItsConnection() {
        MainWindow w = open(null, Source.of(SITE));
        until("the site listed", () -> w.right().viewModel().rows().size() == 2);
        PaneView siteTab = fx(w::right);
        onFx(siteTab::openSearch);
        until("the search window is open", () -> searchWindows() == 1);
        onFx(() -> w.rightTabs().open(Source.local("Local"), null));
        assertEquals(1, fx(this::searchWindows), "switching tabs leaves the search open");
        onFx(() -> w.rightTabs().close(siteTab));
        until("the search closed with its tab", () -> searchWindows() == 0);
    }

    private int searchWindows() {
        return (int) javafx.stage.Window.getWindows().stream().filter(x -> x != stage && x.isShowing()
                && x instanceof Stage).count();
    }

    private static FileRow row(PaneView pane, String name) {
        return pane.viewModel().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Node cell(FxRobot robot, String side, String text) {
        until(side + " row " + text + " shown", () -> robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).tryQuery().isPresent());
        return robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).query();
    }
}
