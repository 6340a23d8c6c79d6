package org.ferryftp.ui.prefs;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.PreferencesStore;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preferences window on a headless stage: bad input keeps it open with the reason, OK saves. */
@ExtendWith(ApplicationExtension.class)
class PreferencesDialogTest {

    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 700, 500));
        stage.show();
    }

    @Test
    void invalidBandwidthKeepsTheDialogOpenAndAValidOneIsSaved(FxRobot robot) throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save);
        Dialog<Preferences> dialog = show(vm);

        robot.clickOn("#prefs-bandwidth").write("fast");
        robot.clickOn("#prefs-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "invalid input must not close the dialog");
        assertTrue(robot.lookup("#prefs-error").queryAs(Label.class).getText().contains("KiB/s"));

        robot.interact(() -> robot.lookup("#prefs-bandwidth").queryAs(TextField.class).setText("256"));
        robot.clickOn("#prefs-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        assertEquals(256 * 1024, dialog.getResult().bandwidthLimit());
        assertEquals(256 * 1024, store.load().preferences().bandwidthLimit());
    }

    @Test
    void theDefaultProxySectionIsGreyedUntilAKindIsChosenThenSavesItsFields(FxRobot robot) throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        org.ferryftp.site.vault.MemoryCredentialStore credentials = new org.ferryftp.site.vault.MemoryCredentialStore();
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save, credentials);
        Dialog<Preferences> dialog = show(vm);
        robot.clickOn("Connection");
        assertTrue(robot.lookup("#prefs-proxy-host").queryAs(TextField.class).isDisabled(), "none: greyed");
        assertTrue(robot.lookup("#prefs-proxy-note").queryAs(Label.class).getText().contains("Passive mode is required"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.ferryftp.ftp.ProxySettings.Type> type =
                robot.lookup("#prefs-proxy-type").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("None (connect directly)", type.getButtonCell().getText());
        robot.interact(() -> type.setValue(org.ferryftp.ftp.ProxySettings.Type.HTTP));
        assertFalse(robot.lookup("#prefs-proxy-host").queryAs(TextField.class).isDisabled());
        robot.clickOn("#prefs-proxy-host").write("::1");
        robot.clickOn("#prefs-proxy-port").write("8888");
        robot.clickOn("#prefs-proxy-user").write("ferry");
        robot.clickOn("#prefs-proxy-password").write("pw");
        robot.clickOn("#prefs-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing(), () -> robot.lookup("#prefs-error").queryAs(Label.class).getText());
        assertEquals(new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.HTTP, "::1", 8888, "ferry"),
                store.load().preferences().defaultProxy());
        assertEquals(java.util.Optional.of("pw"), credentials.get(org.ferryftp.site.SiteSessions.DEFAULT_PROXY_KEY));
    }

    private Dialog<Preferences> show(PreferencesViewModel vm) throws Exception {
        CompletableFuture<Dialog<Preferences>> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Dialog<Preferences> d = new PreferencesDialog(Messages.defaults()).build(stage, vm);
            d.show();
            shown.complete(d);
        });
        Dialog<Preferences> dialog = shown.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }
}
