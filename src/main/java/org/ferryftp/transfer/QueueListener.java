package org.ferryftp.transfer;

import java.util.List;

/**
 * Hears about queue changes. Called on worker threads; progress of a running item is reported at
 * most about ten times a second, state changes at once. Implementations must not block.
 */
public interface QueueListener {

    void itemsAdded(List<ItemSnapshot> items);

    void itemChanged(ItemSnapshot item);

    void itemsRemoved(List<Long> ids);
}
