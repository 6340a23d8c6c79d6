package org.ferryftp.site;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How {@code site:NAME/path} is split into a saved site and a path. */
class SiteLookupTest {

    final SiteProfile prod = SiteProfile.builder("1", "Prod", "a").build();
    final SiteProfile deploy = SiteProfile.builder("2", "Deploy box", "b").folder(List.of("Prod")).build();
    final SiteLookup lookup = new SiteLookup(List.of(prod, deploy));

    @Test
    void theLongestMatchingSitePathWins() {
        assertEquals(new SiteLookup.Found(deploy, "var/www/x"), lookup.find("Prod/Deploy box/var/www/x"));
        assertEquals(new SiteLookup.Found(prod, "Deploy/x"), lookup.find("Prod/Deploy/x"));
        assertEquals(new SiteLookup.Found(deploy, ""), lookup.find("Prod/Deploy box"));
        assertEquals(new SiteLookup.Found(deploy, "dir/"), lookup.find("prod/deploy BOX/dir/"));
        assertEquals(new SiteLookup.Found(prod, "/etc"), lookup.find("Prod//etc"));
    }

    @Test
    void unknownAndAmbiguousNamesAreRefusedWithHints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lookup.find("Prdo/x"));
        assertEquals("no saved site matches \"Prdo/x\"; did you mean \"Prod\"?", e.getMessage());
        SiteLookup twice = new SiteLookup(List.of(prod, prod.withId("3")));
        assertThrows(IllegalArgumentException.class, () -> twice.find("Prod/x"));
        assertThrows(IllegalArgumentException.class, () -> new SiteLookup(List.of()).find("x"));
    }
}
