package org.ferryftp.ui.prefs;

import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.ftp.TypeOverride;
import org.ferryftp.site.FileActivation;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's switches change their one preference and save all the others as they were. */
class LivePreferencesTest {

    static final Preferences ALL_SET = new Preferences(7, 9, ConflictChoice.RESUME, RelayPolicy.FALLBACK, 1000, 50,
            true, 2000, 3000, false, FileActivation.NOTHING, false, "gedit",
            new SiteProxy(ProxySettings.Type.HTTP, "proxy.example", 8080, "me"), TypeOverride.ASCII);

    @Test
    void theSwitchesKeepEveryOtherPreference() {
        List<Preferences> saved = new ArrayList<>();
        LivePreferences live = new LivePreferences(ALL_SET, saved::add);
        live.limitsOnProperty().set(true);
        live.conflictDefaultProperty().set(null);
        live.transferTypeProperty().set(TypeOverride.BINARY);
        assertEquals(List.of(ALL_SET.withLimitsOn(true),
                ALL_SET.withLimitsOn(true).withConflictDefault(null),
                ALL_SET.withLimitsOn(true).withConflictDefault(null).withTransferType(TypeOverride.BINARY)), saved);
    }
}
