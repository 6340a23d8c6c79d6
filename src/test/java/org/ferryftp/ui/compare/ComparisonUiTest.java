package org.ferryftp.ui.compare;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.ui.browser.RowMark;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.Theme;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directory comparison on two prepared folders: each kind of difference gets its own colour in both themes, identical
 * files can be hidden, the differing ones selected, and all of it by keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonUiTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    private Stage stage;
    private Theme theme;
    /** Made by the test, with the folders or the server it prepared. */
    private TestWindow test;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() {
        onFx(() -> theme.darkProperty().set(false));
        test.close();
    }

    /** The window on this test's stage, in a light theme of its own that a test may switch. */
    private MainWindow open(List<Source> sources, Source left, Source right) {
        test = fx(60, () -> {
            theme = new Theme(false);
            Theme light = theme;
            return TestWindow.on(stage).browsers(new StandardBrowserFactory(new StandardSessions(LogListener.NONE)))
                    .sources(sources, left, right)
                    .with(b -> b.theme(light))
                    .show();
        });
        return test.window();
    }

    private static void write(Path dir, String name, int size, Instant modified) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, new byte[size]);
        Files.setLastModifiedTime(f, FileTime.from(modified));
    }

    @Test
    void eachDifferenceHasItsColourAndTheActionsWorkByKeyboard(FxRobot robot) throws IOException {
        Path a = Files.createTempDirectory("ferry-compare-left");
        Path b = Files.createTempDirectory("ferry-compare-right");
        write(a, "same.txt", 10, T);
        write(b, "same.txt", 10, T.plusMillis(300));
        write(a, "newer.txt", 10, T.plusSeconds(3600));
        write(b, "newer.txt", 10, T);
        write(a, "size.txt", 10, T);
        write(b, "size.txt", 12, T);
        write(a, "left-only.txt", 1, T);
        write(b, "right-only.txt", 1, T);
        MainWindow w = openBoth(a, b);
        until("both folders listed", () -> a.toString().equals(w.left().viewModel().pathProperty().get())
                && b.toString().equals(w.right().viewModel().pathProperty().get())
                && w.left().viewModel().rows().size() == 4 && w.right().viewModel().rows().size() == 4);

        onFx(w.left()::focusTable);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        until("comparing", () -> w.comparison().activeProperty().get());
        TableView<FileRow> left = w.left().table();
        TableView<FileRow> right = w.right().table();
        until("left rows marked", () -> marked(left, "left-only.txt", "only-here") && marked(left, "newer.txt", "newer")
                && marked(left, "size.txt", "size-differs") && unmarked(left, "same.txt"));
        until("right rows marked", () -> marked(right, "right-only.txt", "only-here")
                && unmarked(right, "newer.txt") && marked(right, "size.txt", "size-differs")
                && unmarked(right, "same.txt"));
        Set<Paint> light = colours(left);
        assertEquals(4, light.size(), "only here, newer, different size and the same file each look different: " + light);
        assertEquals("Left: 1 only here, 1 newer, 1 different size \u00b7 Right: 1 only here, 0 newer, 1 different size",
                fx(() -> w.comparison().summaryProperty().get()));

        onFx(() -> theme.darkProperty().set(true));
        until("dark colours applied", () -> !colours(left).equals(light) && colours(left).size() == 4);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        until("identical files hidden", () -> names(w.left().viewModel().rows()).equals(
                Set.of("left-only.txt", "newer.txt", "size.txt")));
        assertFalse(fx(() -> names(w.right().viewModel().rows()).contains("same.txt")));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        until("differing files selected", () -> names(left.getSelectionModel().getSelectedItems())
                .equals(Set.of("left-only.txt", "newer.txt", "size.txt"))
                && names(right.getSelectionModel().getSelectedItems())
                .equals(Set.of("right-only.txt", "newer.txt", "size.txt")));

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        until("comparison off: marks gone and every row back", () -> !w.comparison().activeProperty().get()
                && w.left().viewModel().rows().size() == 4 && unmarked(left, "newer.txt"));
    }

    @Test
    void aSitesOffsetAndTheToleranceChangeTheVerdict() throws IOException {
        Path a = Files.createTempDirectory("ferry-compare-left");
        Path b = Files.createTempDirectory("ferry-compare-right");
        write(a, "f.txt", 10, T.plusSeconds(1));
        write(b, "f.txt", 10, T.plusSeconds(6));
        MainWindow w = openBoth(a, b);
        onFx(() -> w.comparison().activeProperty().set(true));
        until("the right file is newer by 5 s", () -> w.comparison().resultProperty().get().right()
                .get("f.txt") == RowMark.NEWER);
        onFx(() -> w.comparison().setToleranceSeconds(10));
        until("within 10 s they are the same", () -> w.comparison().resultProperty().get().right()
                .get("f.txt") == RowMark.SAME);
        assertTrue(fx(() -> !w.comparison().showsSite(true)), "the local disk has no offset to set");
    }

    @Test
    void aServersTimeZoneOffsetIsKeptPerSite() throws IOException {
        Path a = Files.createTempDirectory("ferry-compare-left");
        write(a, "f.txt", 10, T.plusSeconds(1));
        Path remoteRoot = Files.createTempDirectory("ferry-compare-remote");
        write(remoteRoot, "f.txt", 10, T.plusSeconds(2 * 3600 + 1));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(remoteRoot)) {
            Source local = Source.local("Local");
            Source site = Source.of(new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2));
            MainWindow w = open(List.of(local, site), local, site);
            until("both panes opened", () -> w.left().viewModel().pathProperty().get() != null
                    && "/".equals(w.right().viewModel().pathProperty().get()));
            onFx(() -> {
                w.left().viewModel().navigate(a.toString());
                w.comparison().activeProperty().set(true);
            });
            until("the server's file looks two hours newer", () -> w.comparison().resultProperty().get().right()
                    .get("f.txt") == RowMark.NEWER);
            assertTrue(fx(() -> w.comparison().showsSite(true) && !w.comparison().showsSite(false)));
            onFx(() -> w.comparison().setOffsetMinutes(true, -120));
            until("moved back by the site's offset, the same file", () -> w.comparison().resultProperty().get()
                    .right().get("f.txt") == RowMark.SAME);
            assertEquals(-120, fx(() -> ((javafx.scene.control.Spinner<?>) ((javafx.scene.control.CustomMenuItem)
                    ((javafx.scene.control.MenuButton) w.root().lookup("#compare-times")).getItems().get(0))
                    .getContent().lookup("#compare-right-offset")).getValue()), "the Times drop-down shows it");
            onFx(() -> w.right().viewModel().open(local, a.toString()));
            until("the local disk in its place has no offset", () -> w.comparison().rightOffsetMinutesProperty()
                    .get() == 0 && w.comparison().resultProperty().get().right().get("f.txt") == RowMark.SAME);
            onFx(() -> w.right().viewModel().open(site));
            until("the site's offset comes back with it", () -> w.comparison().rightOffsetMinutesProperty()
                    .get() == -120);
        }
    }

    /** A window with the local disk in both panes, the left at {@code a} and the right at {@code b}. */
    private MainWindow openBoth(Path a, Path b) {
        Source local = Source.local("Local");
        MainWindow w = open(List.of(local), local, local);
        onFx(() -> {
            stage.setWidth(1400);
            stage.setHeight(800);
        });
        until("both panes opened", () -> w.left().viewModel().pathProperty().get() != null
                && w.right().viewModel().pathProperty().get() != null);
        onFx(() -> {
            w.left().viewModel().navigate(a.toString());
            w.right().viewModel().navigate(b.toString());
        });
        return w;
    }

    private static Set<String> names(List<FileRow> rows) {
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(r.name()));
        return out;
    }

    private static TableRow<?> row(TableView<FileRow> table, String name) {
        return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof FileRow f && f.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean marked(TableView<FileRow> table, String name, String pseudoClass) {
        TableRow<?> r = row(table, name);
        return r != null && r.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudoClass));
    }

    /** Without a coloured mark (identical and older rows keep the theme's own background). */
    private static boolean unmarked(TableView<FileRow> table, String name) {
        TableRow<?> r = row(table, name);
        return r != null && r.getPseudoClassStates().stream().noneMatch(p -> Set.of("only-here", "newer",
                "size-differs").contains(p.getPseudoClassName()));
    }

    /** The fill each of the four rows shows (the last fill: the cell's background over its border line). */
    private static Set<Paint> colours(TableView<FileRow> table) {
        table.getSelectionModel().clearSelection();
        table.applyCss();
        Set<Paint> fills = new HashSet<>();
        for (String name : List.of("left-only.txt", "newer.txt", "size.txt", "same.txt")) {
            TableRow<?> r = row(table, name);
            Background bg = r == null ? null : r.getBackground();
            if (bg != null && !bg.getFills().isEmpty()) {
                fills.add(bg.getFills().get(bg.getFills().size() - 1).getFill());
            }
        }
        assertNotEquals(0, fills.size());
        return fills;
    }
}
