package org.ferryftp.transfer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory items whose remote target directory their own expansion created (its MKD succeeded): nothing was
 * in it then, so their children's uploads need not ask the server whether their names are taken, a round trip
 * per file saved. A file someone else puts there meanwhile is still found before the rename into place.
 * Kept by item id, not by path: a later drop into the same directory finds it existing and checks every name.
 * A directory is kept only until every child it had unfinished when its expansion settled has finished (done,
 * failed, skipped or cancelled): the queue lives as long as the application, and a child run again after that asks
 * the server. After a restart those include children a journal brought back, and exclude those already finished.
 */
final class NewDirectories {

    /** Directory item id → how many of its children have not finished yet. */
    private final Map<Long, Integer> unfinishedChildren = new ConcurrentHashMap<>();

    /**
     * {@code directoryItem}'s expansion created its target and its children are in the queue, {@code unfinished} of
     * them still to finish: the new ones and, after a restart, those a journal brought back that have not finished.
     */
    void created(TransferItem directoryItem, int unfinished) {
        if (unfinished > 0) {
            unfinishedChildren.put(directoryItem.id, unfinished);
        }
    }

    /** True when {@code item}'s target directory was created empty by its parent's expansion. */
    boolean isInNew(TransferItem item) {
        return unfinishedChildren.containsKey(item.parentId);
    }

    /**
     * {@code item} has finished; its directory is forgotten with its last child. A child that finishes twice (run
     * again after failing) may forget it early, which costs its siblings a check each, never a wrong skip.
     */
    void finished(TransferItem item) {
        if (item.parentId != 0) {
            unfinishedChildren.computeIfPresent(item.parentId, (id, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** How many directories are kept, for the test that they are let go. */
    int size() {
        return unfinishedChildren.size();
    }
}
