package org.ferryftp.ui.vault;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ferryftp.site.vault.EncryptedVault;
import org.ferryftp.site.vault.MasterPasswordRequest;
import org.ferryftp.site.vault.VaultCredentialStore;
import org.ferryftp.site.vault.VaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real dialog on a headless stage, asked from a worker thread as the vault does. */
@ExtendWith(ApplicationExtension.class)
class FxMasterPasswordDialogTest {

    @TempDir
    Path dir;

    Stage stage;
    final ExecutorService worker = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 500, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    FxMasterPasswordDialog dialog() {
        return new FxMasterPasswordDialog(() -> stage, Platform::runLater, Platform::isFxApplicationThread);
    }

    static void awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#vault-password").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNewVaultNeedsTheSamePasswordTwice(FxRobot robot) throws Exception {
        Future<char[]> asked = worker.submit(() -> dialog().masterPassword(
                MasterPasswordRequest.first(dir.resolve("vault.properties"), true)));
        awaitDialog(robot);
        Node ok = robot.lookup("OK").query();
        assertTrue(ok.isDisabled(), "nothing typed yet");
        robot.clickOn("#vault-password").write("tr0ub4dor");
        robot.clickOn("#vault-repeat").write("tr0ub4dox");
        assertTrue(ok.isDisabled(), "the two differ");
        assertTrue(robot.lookup("#vault-differ").query().isVisible());
        robot.eraseText(1).write("r");
        assertFalse(ok.isDisabled());
        assertFalse(asked.isDone(), "the worker waits while the dialog is open");
        robot.clickOn("OK");
        assertArrayEquals("tr0ub4dor".toCharArray(), asked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void cancelIsAClearErrorForTheWorker(FxRobot robot) throws Exception {
        Future<char[]> asked = worker.submit(() -> dialog().masterPassword(
                MasterPasswordRequest.first(dir.resolve("vault.properties"), false)));
        awaitDialog(robot);
        assertTrue(robot.lookup("#vault-repeat").tryQuery().isEmpty(), "unlocking asks once");
        robot.clickOn("Cancel");
        ExecutionException e = assertThrows(ExecutionException.class, () -> asked.get(10, TimeUnit.SECONDS));
        assertInstanceOf(VaultException.class, e.getCause());
        assertEquals("no master password given: saved passwords stay locked", e.getCause().getMessage());
    }

    @Test
    void aWrongPasswordBringsTheDialogBackWithTheReasonAndTheVaultStaysAsItWas(FxRobot robot) throws Exception {
        EncryptedVault.open(dir, "right".toCharArray()).put("site-1", "secret");
        byte[] before = Files.readAllBytes(dir.resolve("vault.properties"));
        VaultCredentialStore store = new VaultCredentialStore(dir, dialog());
        Future<Optional<String>> read = worker.submit(() -> store.get("site-1"));

        awaitDialog(robot);
        assertTrue(robot.lookup("#vault-problem").tryQuery().isEmpty(), "no problem on the first try");
        robot.clickOn("#vault-password").write("wrong");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#vault-problem").tryQuery().isPresent());
        awaitDialog(robot);
        assertEquals("The master password is not correct.",
                ((Label) robot.lookup("#vault-problem").query()).getText());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("vault.properties")));
        robot.clickOn("#vault-password").write("right");
        robot.clickOn("OK");
        assertEquals(Optional.of("secret"), read.get(15, TimeUnit.SECONDS));
    }
}
