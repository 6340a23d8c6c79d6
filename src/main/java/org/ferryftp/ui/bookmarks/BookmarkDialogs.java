package org.ferryftp.ui.bookmarks;

import java.util.Optional;

/** The bookmark dialogs, behind an interface so that tests answer them without a stage. */
public interface BookmarkDialogs {

    /**
     * Asks for a new bookmark, filled in from {@code proposal}.
     *
     * @param siteLabel the site the remote folder is on (for "only for this site"), or null when none
     * @return the bookmark, or empty when cancelled
     */
    Optional<GlobalBookmark> askNew(GlobalBookmark proposal, String siteLabel);

    /** Shows the global bookmarks to go to, change or remove. */
    void manage(BookmarksViewModel bookmarks);
}
