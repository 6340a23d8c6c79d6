package org.ferryftp.ui.browser;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last directories a pane listed, least recently used dropped first. UI thread only. */
final class ListingCache {

    private static final int SIZE = 64;

    private final Map<String, Listing> listings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Listing> eldest) {
            return size() > SIZE;
        }
    };

    /** The cached listing of {@code dir}, or null. */
    Listing get(String dir) {
        return listings.get(dir);
    }

    void put(Listing l) {
        listings.put(l.path(), l);
    }

    void clear() {
        listings.clear();
    }
}
