package org.ferryftp.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * On Linux the window starts without GTK glass's pointer grab, which outlived drags and left dialogs deaf to the
 * mouse (the effect itself is checked under Xvfb + openbox with xdotool, see the commit).
 */
class GuiLauncherTest {

    @Test
    void onLinuxTheGrabIsOffUnlessTheUserSaysOtherwise() {
        Properties linux = new Properties();
        GuiLauncher.letGoOfThePointerAfterDrags(linux, "Linux");
        assertEquals("true", linux.getProperty(GuiLauncher.DISABLE_GRAB));

        Properties chosen = new Properties();
        chosen.setProperty(GuiLauncher.DISABLE_GRAB, "false");
        GuiLauncher.letGoOfThePointerAfterDrags(chosen, "Linux");
        assertEquals("false", chosen.getProperty(GuiLauncher.DISABLE_GRAB));

        for (String os : new String[] {"Mac OS X", "Windows 11"}) {
            Properties other = new Properties();
            GuiLauncher.letGoOfThePointerAfterDrags(other, os);
            assertNull(other.getProperty(GuiLauncher.DISABLE_GRAB), os);
        }
    }

    @Test
    void withoutARenderDeviceJavaFxSkipsItsOpenGlProbe(@TempDir Path dev) throws Exception {
        Properties none = new Properties();
        GuiLauncher.softwareRenderingWithoutGpu(none, "Linux", dev);
        assertEquals("sw", none.getProperty(GuiLauncher.PRISM_ORDER));

        Properties chosen = new Properties();
        chosen.setProperty(GuiLauncher.PRISM_ORDER, "es2");
        GuiLauncher.softwareRenderingWithoutGpu(chosen, "Linux", dev);
        assertEquals("es2", chosen.getProperty(GuiLauncher.PRISM_ORDER));

        Properties mac = new Properties();
        GuiLauncher.softwareRenderingWithoutGpu(mac, "Mac OS X", dev);
        assertNull(mac.getProperty(GuiLauncher.PRISM_ORDER));

        for (String device : new String[] {"dri", "nvidia0", "dxg"}) {
            Path withGpu = Files.createDirectories(dev.resolve(device + "-machine"));
            if (device.equals("dri")) {
                Files.createDirectories(withGpu.resolve(device));
            } else {
                Files.createFile(withGpu.resolve(device));
            }
            Properties gpu = new Properties();
            GuiLauncher.softwareRenderingWithoutGpu(gpu, "Linux", withGpu);
            assertNull(gpu.getProperty(GuiLauncher.PRISM_ORDER), device);
        }
    }
}
