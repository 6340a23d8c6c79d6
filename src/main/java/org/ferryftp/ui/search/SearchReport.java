package org.ferryftp.ui.search;

import java.util.List;

/**
 * How a search ended: the hits, the entries and directories looked at, and why it stopped. Directories that
 * could not be listed are in {@code failures} (path: reason); the search went on without them.
 */
public record SearchReport(Ending ending, int hits, int entriesSeen, int directoriesListed, boolean depthLimited,
                           List<String> failures) {

    public enum Ending {
        /** Every directory within the depth limit was looked at. */
        COMPLETE,
        /** The entry limit stopped it. */
        ENTRY_LIMIT,
        /** The user stopped it. */
        CANCELLED
    }

    public SearchReport {
        failures = List.copyOf(failures);
    }
}
