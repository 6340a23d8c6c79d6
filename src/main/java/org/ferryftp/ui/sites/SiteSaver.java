package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.store.SiteStore;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Saves the site manager's {@link SiteList} through the {@link SiteStore} (atomic) after each change, then
 * refreshes the tree and tells the main window; a failed save is reported as a message and leaves the file as it was.
 */
final class SiteSaver {

    private final SiteStore store;
    private final SiteList list;
    private final Runnable refresh;
    private final Consumer<List<SiteProfile>> onSaved;
    private final Consumer<String> problem;

    /**
     * @param refresh rebuilds the tree, after a save and after a failed one
     * @param onSaved receives the sites once they are saved
     * @param problem receives the error's message when saving fails, or where a damaged file was kept aside
     */
    SiteSaver(SiteStore store, SiteList list, Runnable refresh, Consumer<List<SiteProfile>> onSaved,
              Consumer<String> problem) {
        this.store = store;
        this.list = list;
        this.refresh = refresh;
        this.onSaved = onSaved;
        this.problem = problem;
    }

    /** Saves everything; false, with the message reported, when saving failed. */
    boolean save() {
        try {
            Optional<String> keptAside = store.save(list.sites(), list.folders());
            refresh.run();
            onSaved.accept(list.sites());
            keptAside.ifPresent(problem); // saved, but the file on disk had been damaged: say where it was kept
            return true;
        } catch (IOException | RuntimeException e) {
            refresh.run();
            problem.accept(e.getMessage());
            return false;
        }
    }
}
