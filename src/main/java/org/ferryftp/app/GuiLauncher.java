package org.ferryftp.app;

import javafx.application.Application;
import org.ferryftp.ui.main.OsTheme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Starts JavaFX. A separate class because an Application subclass cannot be the jar's main class. */
final class GuiLauncher {

    /** JavaFX's GTK glass reads it once, when the toolkit starts. */
    static final String DISABLE_GRAB = "glass.disableGrab";

    /** Prism's rendering pipelines in the order it tries them. */
    static final String PRISM_ORDER = "prism.order";

    /**
     * Whether the OS prefers a dark theme, asked on a thread of its own while JavaFX starts its toolkit (on GNOME
     * that is two gsettings processes, which the first frame used to wait for). Application.launch constructs
     * FerryApp itself, so the answer reaches it through here rather than through its constructor.
     */
    private static volatile FutureTask<Boolean> osDarkTheme;

    private GuiLauncher() {
    }

    static void launch(String[] args) {
        letGoOfThePointerAfterDrags(System.getProperties(), System.getProperty("os.name", ""));
        softwareRenderingWithoutGpu(System.getProperties(), System.getProperty("os.name", ""), Path.of("/dev"));
        FutureTask<Boolean> dark = new FutureTask<>(GuiLauncher::askOsTheme);
        Thread t = new Thread(dark, "ferry-os-theme");
        t.setDaemon(true);
        t.start();
        osDarkTheme = dark;
        Application.launch(FerryApp.class, args);
    }

    /** The OS's theme preference: the answer asked for at launch, or asked now when the app started otherwise. */
    static boolean osPrefersDark() {
        FutureTask<Boolean> dark = osDarkTheme;
        if (dark == null) {
            return askOsTheme();
        }
        try {
            return dark.get();
        } catch (ExecutionException e) {
            return false; // as OsTheme does for anything unreadable: light
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean askOsTheme() {
        return new OsTheme(System.getenv(), System.getProperty("os.name", ""), OsTheme.system()).prefersDark();
    }

    /**
     * Without a GPU device JavaFX's OpenGL pipeline can only find Mesa's software renderer, which it refuses after
     * loading it: under Xvfb or in a VM without 3D that probe loaded LLVM (46 MiB resident, kept for the life of
     * the window; issue 18, RSS) before falling back to its own software pipeline anyway. So on Linux with no
     * render device (/dev/dri: Mesa and most drivers; /dev/nvidia0; /dev/dxg: WSL) Prism is asked for its software
     * pipeline at once. A user's own prism.order wins.
     */
    static void softwareRenderingWithoutGpu(Properties system, String osName, Path dev) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux") || system.getProperty(PRISM_ORDER) != null) {
            return;
        }
        for (String device : new String[] {"dri", "nvidia0", "dxg"}) {
            if (Files.exists(dev.resolve(device))) {
                return;
            }
        }
        system.setProperty(PRISM_ORDER, "sw");
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
