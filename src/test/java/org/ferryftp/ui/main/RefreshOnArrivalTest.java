package org.ferryftp.ui.main;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshOnArrivalTest {

    final SiteRef a = new SiteRef("a", "A", SessionSettings.of("h", 21, Credentials.anonymous()), 1);
    final SiteRef b = new SiteRef("b", "B", SessionSettings.of("h", 21, Credentials.anonymous()), 1);

    @Test
    void refreshesOnlyThePaneShowingTheTargetsFolder() {
        assertTrue(RefreshOnArrival.showsParentOf(Location.remote(a, "/docs"), Location.remote(a, "/docs/x.txt")));
        assertTrue(RefreshOnArrival.showsParentOf(Location.remote(a, "/docs/"), Location.remote(a, "/docs/x.txt")));
        assertTrue(RefreshOnArrival.showsParentOf(Location.remote(a, "/"), Location.remote(a, "/x.txt")));
        assertFalse(RefreshOnArrival.showsParentOf(Location.remote(b, "/docs"), Location.remote(a, "/docs/x.txt")));
        assertFalse(RefreshOnArrival.showsParentOf(Location.remote(a, "/"), Location.remote(a, "/docs/x.txt")));
        assertTrue(RefreshOnArrival.showsParentOf(Location.local("/tmp/in"), Location.local("/tmp/in/f.bin")));
        assertFalse(RefreshOnArrival.showsParentOf(Location.local("/tmp"), Location.local("/tmp/in/f.bin")));
        assertFalse(RefreshOnArrival.showsParentOf(Location.local("/docs"), Location.remote(a, "/docs/x.txt")));
    }
}
