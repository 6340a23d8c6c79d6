package org.ferryftp.app;

import org.junit.jupiter.api.Test;

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
}
