package org.ferryftp.ui.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where a pane is, relative to its synchronized-browsing root. */
class SyncBrowsingPathsTest {

    @Test
    void segmentsBelowTheRootOnEitherKindOfPath() {
        assertEquals(List.of(), SyncBrowsing.relative("/data/site", "/data/site"));
        assertEquals(List.of("a", "b"), SyncBrowsing.relative("/data/site", "/data/site/a/b"));
        assertEquals(List.of("a"), SyncBrowsing.relative("/", "/a"));
        assertEquals(List.of("Docs", "x"), SyncBrowsing.relative("C:\\Users\\me", "C:\\Users\\me\\Docs\\x"));
        assertEquals(List.of("a"), SyncBrowsing.relative("C:\\", "C:\\a"));
    }

    @Test
    void outsideTheRootIsNotFollowed() {
        assertNull(SyncBrowsing.relative("/data/site", "/data/site2"), "a sibling that shares the root's name");
        assertNull(SyncBrowsing.relative("/data/site", "/data"));
        assertNull(SyncBrowsing.relative(null, "/data"));
    }
}
