package org.ferryftp.transfer;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** How the outcome of a run changes its item's state; applied under the queue's lock. */
final class Settlement {

    /**
     * @param added      children of an expanded directory, now in the queue
     * @param retryLater true when a failed item waits out a back-off before it runs again
     */
    record Result(List<TransferItem> added, boolean retryLater) {
    }

    private Settlement() {
    }

    static Result apply(TransferItem item, Outcome outcome, int maxAttempts, ItemRegistry items, QueueOrder order,
                        ItemRunner runner, Consumer<TransferItem> remember,
                        BiFunction<TransferItem, Outcome.Child, TransferItem> makeChild, NewDirectories newDirectories) {
        List<TransferItem> added = List.of();
        boolean retryLater = false;
        if (outcome instanceof Outcome.Completed) {
            item.state = ItemState.DONE;
        } else if (outcome instanceof Outcome.Expanded ex) {
            added = items.newChildren(item.id, ex.children().stream().map(c -> makeChild.apply(item, c)).toList());
            added.forEach(items::add);
            order.addFirst(added.stream().filter(c -> c.state instanceof ItemState.Queued).toList());
            added.stream().filter(c -> c.state.isFinished()).forEach(remember);
            if (ex.targetCreated()) {
                // Counted here, not by the expansion: children a journal brought back are not among the added ones,
                // and those of them already finished never finish again to let the directory go.
                newDirectories.created(item, items.unfinishedChildren(item.id));
            }
            item.state = ItemState.DONE;
        } else if (outcome instanceof Outcome.Skipped s) {
            item.state = new ItemState.Skipped(s.reason());
        } else if (outcome instanceof Outcome.Stopped) {
            // A pause or cancel asked for while it ran; a stop nobody asked for (shutdown) pauses.
            item.state = item.stopRequest != null ? item.stopRequest : ItemState.PAUSED;
            if (item.state == ItemState.CANCELLED) {
                runner.discardPartial(item);
            }
        } else if (outcome instanceof Outcome.Failed f) {
            if (item.stopRequest != null) {
                item.state = item.stopRequest;
            } else if (f.retryable() && item.attempts < maxAttempts) {
                item.state = ItemState.QUEUED;
                retryLater = true;
            } else {
                item.state = new ItemState.Failed(f.reason());
            }
        }
        return new Result(added, retryLater);
    }
}
