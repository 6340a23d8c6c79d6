package org.ferryftp.ui;

import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.Optional;

/** The one-line text question both the panes and the site manager ask (new folder, rename, new site). */
public final class TextPrompt {

    private TextPrompt() {
    }

    /** Shows the dialog and waits; empty when cancelled. The field's id is {@code dialog-name} for tests. */
    public static Optional<String> ask(Window owner, String title, String header, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.getEditor().setId("dialog-name");
        return d.showAndWait();
    }
}
