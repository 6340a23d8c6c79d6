package org.ferryftp.ui.main;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two connections to look-alike hosts can be told apart: full labels, colours, and both in the title. */
@ExtendWith(ApplicationExtension.class)
class ConnectionLabelsUiTest {

    private final Source left = quick("127.0.0.2");
    private final Source right = new Source("Build box", quick("127.0.0.3").site(), "#d03030");
    private TestWindow test;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        test = TestWindow.on(stage).browsers(s -> new FakeBrowser("/").with("/", FakeBrowser.file("f.txt", 1)))
                .sources(List.of(left, right), left, right)
                .show();
    }

    @AfterEach
    void cleanUp() {
        test.close();
    }

    private static Source quick(String host) {
        SessionSettings s = SessionSettings.of(host, 2121, Credentials.of("ferry", "pw"));
        String label = "ferry@" + s.address();
        return Source.of(new SiteRef("quick:" + label, label, s, 1));
    }

    @Test
    void bothPanesShowTheirWholeLabelAndTheTitleNamesBoth() {
        MainWindow w = test.window();
        until("both panes listed", () -> "/".equals(w.right().viewModel().pathProperty().get())
                && "/".equals(w.left().viewModel().pathProperty().get()));
        assertEquals("Ferry \u2014 ferry@127.0.0.2:2121 \u2014 Build box", fx(stage::getTitle));
        ListCell<?> leftCell = fx(() -> ((ComboBox<?>) w.root().lookup("#left-source")).getButtonCell());
        assertEquals("ferry@127.0.0.2:2121", fx(leftCell::getText));
        assertEquals(OverrunStyle.CENTER_ELLIPSIS, fx(leftCell::getTextOverrun));
        assertTrue(fx(() -> leftCell.getTooltip().getText()).contains("ferry@127.0.0.2:2121"));
        ListCell<?> rightCell = fx(() -> ((ComboBox<?>) w.root().lookup("#right-source")).getButtonCell());
        assertTrue(fx(() -> rightCell.getTooltip().getText()).contains("ferry@127.0.0.3:2121"),
                "the tooltip also says where a named site goes");
        assertEquals(javafx.scene.paint.Color.web("#d03030"),
                fx(() -> ((Shape) rightCell.getGraphic()).getFill()));
    }
}
