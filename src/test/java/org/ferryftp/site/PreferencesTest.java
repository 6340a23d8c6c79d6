package org.ferryftp.site;

import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.ftp.TypeOverride;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Changing one preference keeps every other one; the builder checks as the record does. */
class PreferencesTest {

    /** Every field away from its default, so a field that is not carried over shows. */
    static final Preferences ALL_SET = new Preferences(7, 9, ConflictChoice.RESUME, RelayPolicy.FALLBACK, 1000, 50,
            true, 2000, 3000, false, FileActivation.NOTHING, false, "gedit",
            new SiteProxy(ProxySettings.Type.SOCKS5, "proxy.example", 1080, "me"), TypeOverride.ASCII);

    @Test
    void aBuilderFromPreferencesBuildsThemAgain() {
        assertEquals(ALL_SET, ALL_SET.toBuilder().build());
    }

    @Test
    void eachWithChangesOnlyItsField() {
        assertEquals(new Preferences(7, 9, ConflictChoice.RESUME, RelayPolicy.FALLBACK, 1000, 50, true, 2000, 3000,
                true, FileActivation.NOTHING, false, "gedit", ALL_SET.defaultProxy(), TypeOverride.ASCII),
                ALL_SET.withLimitsOn(true));
        assertEquals(new Preferences(7, 9, null, RelayPolicy.FALLBACK, 1000, 50, true, 2000, 3000, false,
                FileActivation.NOTHING, false, "gedit", ALL_SET.defaultProxy(), TypeOverride.ASCII),
                ALL_SET.withConflictDefault(null));
        assertEquals(new Preferences(7, 9, ConflictChoice.RESUME, RelayPolicy.FALLBACK, 1000, 50, true, 2000, 3000,
                false, FileActivation.NOTHING, false, "gedit", null, TypeOverride.ASCII),
                ALL_SET.withDefaultProxy(null));
        assertEquals(new Preferences(7, 9, ConflictChoice.RESUME, RelayPolicy.FALLBACK, 1000, 50, true, 2000, 3000,
                false, FileActivation.NOTHING, false, "gedit", ALL_SET.defaultProxy(), TypeOverride.BINARY),
                ALL_SET.withTransferType(TypeOverride.BINARY));
    }

    @Test
    void theBuilderRefusesWhatTheRecordRefuses() {
        assertThrows(IllegalArgumentException.class, () -> ALL_SET.toBuilder().concurrency(0).build());
        assertThrows(IllegalArgumentException.class, () -> ALL_SET.toBuilder().openWith("a\nb").build());
    }
}
