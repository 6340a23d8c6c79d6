package org.ferryftp.ui.browser;

import org.ferryftp.fs.Location;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.ui.Messages;

import java.util.ArrayList;
import java.util.List;

/** Decides what a drop or F5 means: transfer requests, or a refusal the user can read. */
public final class TransferPlanner {

    /** One thing being moved. */
    public record Item(Location source, Location parent, boolean directory) {
    }

    /** Requests to submit, or a refusal message (then {@code requests} is empty). */
    public record Plan(List<TransferRequest> requests, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private final Messages messages;

    public TransferPlanner(Messages messages) {
        this.messages = messages;
    }

    public Plan plan(List<Item> items, Location targetDirectory) {
        if (items.isEmpty()) {
            return new Plan(List.of(), messages.get("transfer.nothing"));
        }
        List<TransferRequest> requests = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item.parent() != null && item.parent().sameAs(targetDirectory)) {
                return new Plan(List.of(), messages.get("transfer.sameLocation"));
            }
            if (item.directory() && item.source().sameAs(targetDirectory)) {
                return new Plan(List.of(), messages.get("transfer.intoItself"));
            }
            TransferRequest r = new TransferRequest(item.source(), item.directory(), targetDirectory, Priority.NORMAL);
            if (!r.involvesASite()) {
                return new Plan(List.of(), messages.get("transfer.localToLocal"));
            }
            requests.add(r);
        }
        return new Plan(List.copyOf(requests), null);
    }
}
