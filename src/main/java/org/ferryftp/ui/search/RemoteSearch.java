package org.ferryftp.ui.search;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A recursive find on one side, breadth first (hits near the root come first), streaming hits to a sink as each
 * listing batch arrives. It lists through the pane's own browser connection, one directory at a time and locked on
 * the browser as the pane's loads are, so a search opens no connection beyond the one the pane already holds and
 * the pane can still browse between two directories. Symbolic links are reported but never followed (no loops).
 */
public final class RemoteSearch {

    private record Pending(String path, int depth) {
    }

    private final FileBrowser browser;

    public RemoteSearch(FileBrowser browser) {
        this.browser = browser;
    }

    /**
     * Searches until done, the entry limit, or {@code cancelled} turns true (checked between and within listings).
     * Runs on the caller's thread; {@code hits} gets each batch of hits on it.
     */
    public SearchReport run(SearchCriteria criteria, Consumer<List<SearchHit>> hits, BooleanSupplier cancelled) {
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(criteria.root(), 1));
        List<String> failures = new ArrayList<>();
        int[] seen = {0};
        int[] found = {0};
        int listed = 0;
        boolean depthLimited = false;
        boolean[] leftOver = {false}; // entries or folders the entry limit kept us from
        while (!queue.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                return new SearchReport(SearchReport.Ending.CANCELLED, found[0], seen[0], listed, depthLimited,
                        failures);
            }
            if (seen[0] >= criteria.maxEntries()) {
                // Folders still queued: the limit, not the tree, ended the search.
                return new SearchReport(SearchReport.Ending.ENTRY_LIMIT, found[0], seen[0], listed, depthLimited,
                        failures);
            }
            Pending dir = queue.poll();
            boolean[] deeper = {false};
            try {
                synchronized (browser) {
                    browser.list(dir.path(), batch -> {
                        List<SearchHit> batchHits = new ArrayList<>();
                        for (FileEntry e : batch.entries()) {
                            if (seen[0] >= criteria.maxEntries() || cancelled.getAsBoolean()) {
                                leftOver[0] = true;
                                break;
                            }
                            seen[0]++;
                            String path = browser.join(dir.path(), e.name());
                            if (criteria.matches(e.name(), e.isDirectory(), e.size(), e.modified())) {
                                batchHits.add(new SearchHit(path, e.name(), e.isDirectory(), e.size(), e.modified(),
                                        e.precision()));
                            }
                            if (e.isDirectory()) {
                                if (dir.depth() < criteria.maxDepth()) {
                                    queue.add(new Pending(path, dir.depth() + 1));
                                } else {
                                    deeper[0] = true;
                                }
                            }
                        }
                        if (!batchHits.isEmpty()) {
                            found[0] += batchHits.size();
                            hits.accept(List.copyOf(batchHits));
                        }
                        // At the limit the listing goes on to its end (one more batch at most) so that a tree of
                        // exactly the limit is told complete; anything beyond is then left over.
                        return !leftOver[0] && !cancelled.getAsBoolean();
                    });
                }
                listed++;
            } catch (IOException e) {
                if (!cancelled.getAsBoolean() && !leftOver[0]) {
                    failures.add(dir.path() + ": " + e.getMessage());
                }
            }
            depthLimited |= deeper[0];
        }
        SearchReport.Ending ending = cancelled.getAsBoolean() ? SearchReport.Ending.CANCELLED
                : leftOver[0] ? SearchReport.Ending.ENTRY_LIMIT : SearchReport.Ending.COMPLETE;
        return new SearchReport(ending, found[0], seen[0], listed, depthLimited, failures);
    }
}
