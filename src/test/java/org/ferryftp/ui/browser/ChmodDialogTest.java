package org.ferryftp.ui.browser;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.support.FakeBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chmod dialog keeps checkboxes and the octal field in step and returns the choice. */
@ExtendWith(ApplicationExtension.class)
class ChmodDialogTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void checkboxesAndOctalStayInStep() {
        fx(() -> {
            ChmodDialog d = new ChmodDialog(new Messages(Locale.ENGLISH),
                    List.of(FakeBrowser.dir("site"), FakeBrowser.file("a", 1)), 0755, null);
            TextField octal = (TextField) d.getDialogPane().lookup("#chmod-octal");
            CheckBox ownerWrite = (CheckBox) d.getDialogPane().lookup("#chmod-bit-1");
            CheckBox othersExec = (CheckBox) d.getDialogPane().lookup("#chmod-bit-8");
            CheckBox recursive = (CheckBox) d.getDialogPane().lookup("#chmod-recursive");
            assertEquals("755", octal.getText());
            assertTrue(ownerWrite.isSelected());
            othersExec.setSelected(false);
            assertEquals("754", octal.getText());
            octal.setText("640");
            assertFalse(othersExec.isSelected());
            assertTrue(ownerWrite.isSelected());
            assertFalse(recursive.isDisabled(), "a folder is selected");
            recursive.setSelected(true);
            assertEquals(new PaneDialogs.ChmodChoice("640", true), d.getResultConverter().call(ButtonType.OK));
            octal.setText("9");
            assertTrue(d.getDialogPane().lookupButton(ButtonType.OK).isDisabled());
            assertNull(d.getResultConverter().call(ButtonType.CANCEL));
            return null;
        });
    }
}
