package org.ferryftp.ui.main;

import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick-connect bar's drop-down: a connection made is offered again, with host, port and user but no password. */
@ExtendWith(ApplicationExtension.class)
class QuickConnectHistoryUiTest {

    @TempDir
    Path dir;
    private Stage stage;
    /** Made by the test, which gives it its history. */
    private TestWindow test;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() {
        if (test != null) {
            test.close();
        }
    }

    @Test
    void aQuickConnectionIsOfferedAgainWithoutItsPassword() throws Exception {
        List<String> problems = new ArrayList<>();
        Path file = dir.resolve("quick-connect-history.properties");
        QuickConnectHistory history = new QuickConnectHistory(file, problems::add);
        Source a = Source.local("A");
        test = fx(() -> TestWindow.on(stage).browsers(s -> new FakeBrowser("/").with("/", FakeBrowser.file("f.txt", 1)))
                .sources(List.of(a), a, a)
                .with(b -> b.quickHistory(history))
                .show());
        MainWindow window = test.window();
        MenuButton recent = fx(() -> (MenuButton) window.root().lookup("#quick-history"));
        assertTrue(fx(recent::isDisabled), "nothing to offer yet");
        fx(() -> {
            ((TextField) window.root().lookup("#quick-host")).setText("files.example.org");
            ((TextField) window.root().lookup("#quick-port")).setText("2121");
            ((TextField) window.root().lookup("#quick-user")).setText("ann");
            ((PasswordField) window.root().lookup("#quick-password")).setText("Hunter-2-Secret");
            ((Button) window.root().lookup("#quick-connect")).fire();
            return null;
        });
        assertEquals(List.of("ann@files.example.org:2121"), fx(() -> recent.getItems().stream().map(i -> i.getText()).toList()));
        assertFalse(Files.readString(file).contains("Hunter-2-Secret"), Files.readString(file));
        fx(() -> {
            ((TextField) window.root().lookup("#quick-host")).setText("");
            ((TextField) window.root().lookup("#quick-user")).setText("");
            recent.getItems().get(0).fire();
            return null;
        });
        assertEquals("files.example.org", fx(() -> ((TextField) window.root().lookup("#quick-host")).getText()));
        assertEquals("2121", fx(() -> ((TextField) window.root().lookup("#quick-port")).getText()));
        assertEquals("ann", fx(() -> ((TextField) window.root().lookup("#quick-user")).getText()));
        assertEquals("", fx(() -> ((PasswordField) window.root().lookup("#quick-password")).getText()));
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
