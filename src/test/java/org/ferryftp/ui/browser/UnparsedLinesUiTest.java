package org.ferryftp.ui.browser;

import org.ferryftp.transfer.StandardSessions;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.util.List;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LIST listing from a real (scripted) server mixing Unix, DOS, VMS and MVS lines with lines no format fits:
 * the pane shows every entry Ferry read, the rest greyed under the files with a tooltip, and a date the server
 * gave without a time as a date.
 */
@ExtendWith(ApplicationExtension.class)
class UnparsedLinesUiTest {

    private static final String GARBLED = "?? garbled line from a confused server";
    private static final String BAD_DATE = "13-45-2021  10:00AM                  100 bad-date.txt";

    private ScriptedFtpServer server;
    private TestWindow test;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        server = new ScriptedFtpServer().features("UTF8", "SIZE", "EPSV").setListing("/", "LIST", List.of(
                "total 4",
                "-rw-r--r--    1 ftp      ftp          1234 Mar 01  2021 unix.txt",
                "04-14-00  03:47PM                  589 dos.htm",
                GARBLED,
                "VMS-FILE.TXT;1       155   2-JUL-2003 10:30:13.64",
                BAD_DATE,
                "WYOSPT 3420   2003/05/21  1  200  FB      80  8053  PS  MVS.DATASET"));
        SiteRef site = new SiteRef("scripted", "Scripted", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")), 1);
        StandardBrowserFactory remote = new StandardBrowserFactory(new StandardSessions(new LogBuffer(100)));
        Source local = Source.local("Local");
        test = TestWindow.on(stage)
                .browsers(s -> s.isLocal() ? new FakeBrowser("/").with("/") : remote.open(s))
                .sources(List.of(local, Source.of(site)), local, Source.of(site))
                .show();
        window = test.window();
    }

    @AfterEach
    void stop() throws IOException {
        test.close();
        server.close();
    }

    @Test
    void unreadLinesShowGreyedWithATooltipAndEveryReadEntryAsARow(FxRobot robot) {
        until("remote rows", () -> fx(() -> window.right().viewModel().rows().size()) == 4);
        assertEquals(List.of("MVS.DATASET", "VMS-FILE.TXT;1", "dos.htm", "unix.txt"),
                fx(() -> window.right().viewModel().rows().stream().map(FileRow::name).sorted().toList()));

        ListView<?> lines = robot.lookup("#right-unparsed-lines").queryAs(ListView.class);
        until("unparsed lines shown", () -> fx(lines::isVisible) && !robot.lookup("#right-unparsed-lines .list-cell")
                .match((Node n) -> n instanceof ListCell<?> c && GARBLED.equals(c.getText())).queryAll().isEmpty());
        assertEquals(List.of(GARBLED, BAD_DATE), fx(() -> List.copyOf(lines.getItems())));

        ListCell<?> cell = robot.lookup("#right-unparsed-lines .list-cell")
                .match((Node n) -> n instanceof ListCell<?> c && BAD_DATE.equals(c.getText())).queryAs(ListCell.class);
        String tip = fx(() -> cell.getTooltip().getText());
        assertTrue(tip.contains("could not read this line") && tip.endsWith(BAD_DATE), tip);
        TableCell<?, ?> fileName = robot.lookup("#right-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && "unix.txt".equals(c.getText())).queryAs(TableCell.class);
        Color grey = (Color) fx(cell::getTextFill);
        Color normal = (Color) fx(fileName::getTextFill);
        assertNotEquals(normal, grey, "unparsed lines are greyed");
        assertTrue(grey.getBrightness() > normal.getBrightness(), "greyed: " + grey + " vs " + normal);

        // The server gave the MVS dataset a date only, the DOS file a time to the minute.
        assertTrue(fx(() -> robot.lookup("#right-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && "2003-05-21".equals(c.getText())).tryQuery()
                .isPresent()), "date-only cell");
    }

    @Test
    void aPaneWhoseListingsWereAllReadHasNoListForUnreadLines(FxRobot robot) {
        until("remote rows", () -> fx(() -> window.right().viewModel().rows().size()) == 4);
        until("local listed", () -> fx(() -> window.left().viewModel().pathProperty().get() != null
                && !window.left().viewModel().busyProperty().get()));
        // Not even hidden: a list in the scene gets its skin and CSS in the window's first frame (issue 18).
        assertTrue(robot.lookup("#left-unparsed-lines").tryQuery().isEmpty(), "no list for the local pane");
        assertTrue(robot.lookup("#right-unparsed-lines").tryQuery().isPresent(), "the remote pane's list");
    }
}
