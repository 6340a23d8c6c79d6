package org.ferryftp.app;

import javafx.application.Application;

import java.util.Locale;
import java.util.Properties;

/** Starts JavaFX. A separate class because an Application subclass cannot be the jar's main class. */
final class GuiLauncher {

    /** JavaFX's GTK glass reads it once, when the toolkit starts. */
    static final String DISABLE_GRAB = "glass.disableGrab";

    private GuiLauncher() {
    }

    static void launch(String[] args) {
        letGoOfThePointerAfterDrags(System.getProperties(), System.getProperty("os.name", ""));
        Application.launch(FerryApp.class, args);
    }

    /**
     * JavaFX 21 on Linux (GTK glass) grabs the pointer for the window where a mouse button goes down and lets go
     * when it comes up. A drag and drop swallows that release, so the grab outlives the drag and a dialog opened
     * after it (the conflict dialog of a drop, F7 right after one) never gets a click until the user clicks the
     * main window, which the modal dialog blocks (issue 15, defect 2; under Xvfb + openbox with xdotool: clicks
     * ignored with the grab, taken without it). X's own implicit grab still keeps a press's motion and release in
     * its window, and popups still hide on a click elsewhere in the window. A user's own setting wins.
     */
    static void letGoOfThePointerAfterDrags(Properties system, String osName) {
        if (osName.toLowerCase(Locale.ROOT).contains("linux") && system.getProperty(DISABLE_GRAB) == null) {
            system.setProperty(DISABLE_GRAB, "true");
        }
    }
}
