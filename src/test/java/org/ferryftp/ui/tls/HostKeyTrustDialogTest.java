package org.ferryftp.ui.tls;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ferryftp.sftp.HostKeyVerdict;
import org.ferryftp.site.trust.HostKeyQuestion;
import org.ferryftp.site.trust.TrustDecision;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.concurrent.FxQuestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host-key dialog on a headless stage, asked from a worker thread as a connecting SFTP session does. */
@ExtendWith(ApplicationExtension.class)
class HostKeyTrustDialogTest {

    static final String FP = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
    static final String OLD = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";
    Stage stage;
    final ExecutorService worker = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    HostKeyTrustDialog dialog() {
        return new HostKeyTrustDialog(Messages.defaults(), () -> stage,
                new FxQuestion(Platform::runLater, Platform::isFxApplicationThread));
    }

    void awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hostkey-cancel").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anUnknownKeyShowsHostTypeAndFingerprintAndReturnsTheChoice(FxRobot robot) throws Exception {
        HostKeyQuestion q = new HostKeyQuestion("sftp.example.org", 2222, "ssh-ed25519", FP,
                new HostKeyVerdict.Unknown(FP));
        Future<TrustDecision> asked = worker.submit(() -> dialog().ask(q));
        awaitDialog(robot);
        assertEquals(FP, robot.lookup("#hostkey-fingerprint").queryAs(TextArea.class).getText());
        Label header = robot.lookup("#hostkey-header").queryAs(Label.class);
        assertTrue(header.getText().contains("sftp.example.org:2222"), header.getText());
        assertFalse(header.getStyleClass().contains(Styles.TLS_WARNING));
        assertTrue(robot.lookup("ssh-ed25519").tryQuery().isPresent(), "the key type is shown");
        assertFalse(robot.lookup("#hostkey-recorded").tryQuery().isPresent());
        assertFalse(asked.isDone(), "the connecting thread waits");
        robot.clickOn("#hostkey-trust-always");
        assertEquals(TrustDecision.TRUST_ALWAYS, asked.get(10, TimeUnit.SECONDS));

        asked = worker.submit(() -> dialog().ask(q));
        awaitDialog(robot);
        robot.clickOn("#hostkey-trust-once");
        assertEquals(TrustDecision.TRUST_ONCE, asked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aChangedKeyRaisesTheAlarmShowsTheRecordedKeyAndEnterDoesNotAcceptIt(FxRobot robot) throws Exception {
        HostKeyQuestion q = new HostKeyQuestion("box", 22, "ssh-ed25519", FP,
                new HostKeyVerdict.Changed(FP, OLD, "/home/me/.ssh/known_hosts (box)"));
        Future<TrustDecision> asked = worker.submit(() -> dialog().ask(q));
        awaitDialog(robot);
        Label header = robot.lookup("#hostkey-header").queryAs(Label.class);
        assertTrue(header.getText().contains("CHANGED"), header.getText());
        assertTrue(header.getStyleClass().contains(Styles.TLS_WARNING), "warning colours");
        assertEquals(OLD, robot.lookup("#hostkey-recorded").queryAs(TextArea.class).getText());
        assertTrue(robot.lookup("/home/me/.ssh/known_hosts (box)").tryQuery().isPresent());
        assertTrue(robot.lookup("#hostkey-cancel").queryAs(Button.class).isDefaultButton());
        assertFalse(robot.lookup("#hostkey-trust-always").queryAs(Button.class).isDefaultButton());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(TrustDecision.REJECT, asked.get(10, TimeUnit.SECONDS));
    }
}
