package org.ferryftp.ui.main;

import org.ferryftp.site.Preferences;
import org.ferryftp.ui.prefs.LivePreferences;

/**
 * What the menu bar does beyond the window itself; the app supplies it (a test may give {@link #none()}).
 *
 * @param processQueue   Transfer, Process the queue: resumes every paused transfer
 * @param stopQueue      Transfer, Stop the queue: pauses every waiting and running transfer
 * @param setSpeedLimits Transfer, Set speed limits…: where the limits are typed (the preferences)
 * @param preferences    the switches (speed limits, conflict default) and the panes' behaviour
 * @param guide          opens the user guide, or null to show the bundled one in a window
 */
public record MenuActions(Runnable processQueue, Runnable stopQueue, Runnable setSpeedLimits,
                          LivePreferences preferences, Runnable guide) {

    /** Nothing behind the queue items; the default preferences, kept in memory only. */
    public static MenuActions none() {
        return new MenuActions(() -> { }, () -> { }, () -> { }, new LivePreferences(Preferences.DEFAULTS, p -> { }),
                null);
    }
}
