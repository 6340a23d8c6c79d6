package org.ferryftp.ui.main;

import org.ferryftp.site.Bookmark;

import java.util.List;

/** What the main window asks of the saved sites: open the site manager, save a quick connection. */
public interface SiteActions {

    void openManager();

    /** Saves the quick-connect fields as a site; returns a message for the status bar. */
    String saveQuickConnect(QuickConnect.Result quick);

    /** The bookmarks stored with a saved site, by its source's id (none for other sources). */
    default List<Bookmark> bookmarks(String sourceId) {
        return List.of();
    }
}
