package org.ferryftp.transfer;

import java.util.Map;

/**
 * The queue's shared state, which {@link TransferQueue} owns and its collaborators (intake, controls,
 * dispatcher) work on, always while holding {@code lock}.
 *
 * @param lock     guards everything here; waiters for "idle" wait on it
 * @param items    every item by id, with the finished history
 * @param order    the waiting items in the order they start
 * @param aborters how to stop each running item
 * @param events   tells the listeners (called outside the lock)
 */
record QueueState(Object lock, ItemRegistry items, QueueOrder order, Map<Long, Runnable> aborters, QueueEvents events) {
}
