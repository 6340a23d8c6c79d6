package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteToSiteTest {

    static SiteToSite with(Map<String, SiteToSite.Preference> prefs) {
        return new SiteToSite(RelayAsker.NEVER, id -> Optional.ofNullable(prefs.get(id)));
    }

    @Test
    void relayIsTheQueueDefaultWithoutPreferencesElseTheStricterSite() {
        SiteToSite none = with(Map.of());
        assertEquals(RelayPolicy.FALLBACK, none.relayFor("a", "b", RelayPolicy.FALLBACK));
        SiteToSite s = with(Map.of(
                "never", new SiteToSite.Preference(SiteToSite.PassiveSide.AUTO, RelayPolicy.NEVER),
                "ask", new SiteToSite.Preference(SiteToSite.PassiveSide.AUTO, RelayPolicy.ASK),
                "always", new SiteToSite.Preference(SiteToSite.PassiveSide.AUTO, RelayPolicy.ALWAYS)));
        assertEquals(RelayPolicy.NEVER, s.relayFor("never", "always", RelayPolicy.ALWAYS));
        assertEquals(RelayPolicy.ASK, s.relayFor("always", "ask", RelayPolicy.NEVER));
        assertEquals(RelayPolicy.ALWAYS, s.relayFor("always", "demo", RelayPolicy.NEVER));
        assertEquals(RelayPolicy.ASK, s.relayFor("demo", "ask", RelayPolicy.ALWAYS));
    }

    @Test
    void theSourceSitesPreferenceChoosesWhoListensFirst() {
        SiteToSite s = with(Map.of(
                "src", new SiteToSite.Preference(SiteToSite.PassiveSide.SOURCE, RelayPolicy.NEVER),
                "tgt", new SiteToSite.Preference(SiteToSite.PassiveSide.TARGET, RelayPolicy.NEVER)));
        assertFalse(s.targetListensFirst("src", "x"));
        assertTrue(s.targetListensFirst("tgt", "x"));
        assertTrue(s.targetListensFirst("x", "src"), "default: the target listens");
    }
}
