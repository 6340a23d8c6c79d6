package org.ferryftp.app;

import javafx.application.Application;

/** Starts JavaFX. A separate class because an Application subclass cannot be the jar's main class. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(FerryApp.class, args);
    }
}
