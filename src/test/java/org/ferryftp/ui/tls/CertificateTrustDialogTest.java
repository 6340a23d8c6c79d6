package org.ferryftp.ui.tls;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ferryftp.ftp.ServerCertificate;
import org.ferryftp.site.trust.CertificateQuestion;
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

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate dialog on a headless stage, asked from a worker thread as a connecting session does. */
@ExtendWith(ApplicationExtension.class)
class CertificateTrustDialogTest {

    static final String FP = "D2:BA:D8:4C:D2:7A:FC:73:8F:93:59:07:5C:36:ED:4E:4E:38:1A:D2:A7:82:AE:B6:47:AE:2F:2E:7B:D0:F9:FD";
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

    CertificateTrustDialog dialog() {
        return new CertificateTrustDialog(Messages.defaults(), () -> stage,
                new FxQuestion(Platform::runLater, Platform::isFxApplicationThread));
    }

    static CertificateQuestion question(String previous) {
        ServerCertificate c = new ServerCertificate("ftp.example.org", 21, "CN=ftp.example.org", "CN=ftp.example.org",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                List.of("ftp.example.org"), FP, "it is not signed by a trusted authority", List.of());
        return new CertificateQuestion("Example", c, previous);
    }

    void awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#certificate-cancel").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheFingerprintWholeAndReturnsTheChoice(FxRobot robot) throws Exception {
        Future<TrustDecision> asked = worker.submit(() -> dialog().ask(question(null)));
        awaitDialog(robot);
        String shown = robot.lookup("#certificate-fingerprint").queryAs(TextArea.class).getText();
        assertEquals(FP, shown.replace("\n", ""));
        assertFalse(asked.isDone(), "the connecting thread waits");
        robot.clickOn("#certificate-trust-always");
        assertEquals(TrustDecision.TRUST_ALWAYS, asked.get(10, TimeUnit.SECONDS));

        asked = worker.submit(() -> dialog().ask(question(null)));
        awaitDialog(robot);
        robot.clickOn("#certificate-trust-once");
        assertEquals(TrustDecision.TRUST_ONCE, asked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aChangedCertificateWarnsLoudlyAndEnterDoesNotAcceptIt(FxRobot robot) throws Exception {
        String old = "AA:" + FP.substring(3);
        Future<TrustDecision> asked = worker.submit(() -> dialog().ask(question(old)));
        awaitDialog(robot);
        assertTrue(robot.lookup("." + Styles.TLS_WARNING).queryAs(Label.class).getText().contains("CHANGED"));
        assertEquals(old, robot.lookup("#certificate-previous").queryAs(TextArea.class).getText().replace("\n", ""));
        assertTrue(robot.lookup("#certificate-cancel").queryAs(Button.class).isDefaultButton());
        assertFalse(robot.lookup("#certificate-trust-always").queryAs(Button.class).isDefaultButton());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(TrustDecision.REJECT, asked.get(10, TimeUnit.SECONDS));
    }
}
