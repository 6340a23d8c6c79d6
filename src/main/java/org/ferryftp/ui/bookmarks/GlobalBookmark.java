package org.ferryftp.ui.bookmarks;

import java.util.Objects;

/**
 * A bookmark of Ferry's own (FileZilla's "global" bookmarks): a local and a remote folder, either of them optional,
 * for any site or for one site, optionally browsed in step.
 *
 * @param name         what the menu shows
 * @param localDir     the local folder, or null
 * @param remoteDir    the remote folder, or null
 * @param siteId       the site (its source's id) the remote folder is on, or null for whichever site a pane shows
 * @param syncBrowsing going there switches synchronized browsing on, with the two folders as its roots
 */
public record GlobalBookmark(String name, String localDir, String remoteDir, String siteId, boolean syncBrowsing) {

    public GlobalBookmark {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        localDir = blankToNull(localDir);
        remoteDir = blankToNull(remoteDir);
        siteId = blankToNull(siteId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
