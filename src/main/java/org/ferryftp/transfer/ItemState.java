package org.ferryftp.transfer;

/** Where a queue item is in its life. */
public sealed interface ItemState {

    record Queued() implements ItemState {
    }

    record Running() implements ItemState {
    }

    record Paused() implements ItemState {
    }

    record Done() implements ItemState {
    }

    /** Failed for good (retries exhausted or not worth retrying); {@code reason} is for people. */
    record Failed(String reason) implements ItemState {
    }

    record Skipped(String reason) implements ItemState {
    }

    record Cancelled() implements ItemState {
    }

    ItemState QUEUED = new Queued();
    ItemState RUNNING = new Running();
    ItemState PAUSED = new Paused();
    ItemState DONE = new Done();
    ItemState CANCELLED = new Cancelled();

    /** True when the item will not run again unless the user retries it. */
    default boolean isFinished() {
        return this instanceof Done || this instanceof Failed || this instanceof Skipped || this instanceof Cancelled;
    }

    default String label() {
        if (this instanceof Failed f) {
            return "failed: " + f.reason();
        }
        if (this instanceof Skipped s) {
            return "skipped: " + s.reason();
        }
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
