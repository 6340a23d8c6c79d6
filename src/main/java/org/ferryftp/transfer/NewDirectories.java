package org.ferryftp.transfer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory items whose remote target directory their own expansion created (its MKD succeeded): nothing was
 * in it then, so their children's uploads need not ask the server whether their names are taken, a round trip
 * per file saved. A file someone else puts there meanwhile is still found before the rename into place.
 * Kept by item id, not by path: a later drop into the same directory finds it existing and checks every name.
 */
final class NewDirectories {

    private final Set<Long> parents = ConcurrentHashMap.newKeySet();

    void created(TransferItem directoryItem) {
        parents.add(directoryItem.id);
    }

    /** True when {@code item}'s target directory was created empty by its parent's expansion. */
    boolean isInNew(TransferItem item) {
        return parents.contains(item.parentId);
    }
}
