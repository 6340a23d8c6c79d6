package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileBrowser;

import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link FileBrowser} a pane is connected through (null while none): paths on its side, the sub-folders the
 * folder tree asks for (cached, or listed aside), and closing it in the background. UI thread only.
 */
final class PaneConnection {

    private final PaneLoads loads;
    private final PaneRows rows;
    private final ListingCache cache;
    private FileBrowser browser;

    PaneConnection(PaneLoads loads, PaneRows rows, ListingCache cache) {
        this.loads = loads;
        this.rows = rows;
        this.cache = cache;
    }

    /** The open browser, or null. */
    FileBrowser browser() {
        return browser;
    }

    void opened(FileBrowser b) {
        browser = b;
    }

    /** Forgets the browser and closes it in the background. */
    void close() {
        FileBrowser old = browser;
        browser = null;
        if (old != null) {
            loads.closeLater(old);
        }
    }

    /** The parent of {@code p}, or null at the root or while not connected. */
    String parentOf(String p) {
        return browser == null ? null : browser.parent(p);
    }

    /** {@code name} in {@code dir}, or null while not connected. */
    String join(String dir, String name) {
        return browser == null ? null : browser.join(dir, name);
    }

    /** Names of the sub-folders of {@code dir}, from the cache or listed in the background. */
    void childFolders(String dir, Consumer<List<String>> consumer) {
        Listing cached = cache.get(dir);
        if (cached != null) {
            consumer.accept(rows.folderNames(cached));
            return;
        }
        FileBrowser b = browser;
        if (b == null) {
            return;
        }
        loads.listAside(b, dir, rows.order(), rows.rowFilter(), l -> {
            if (b == browser) {
                cache.put(l);
                consumer.accept(rows.folderNames(l));
            }
        }, failure -> consumer.accept(List.of()));
    }
}
