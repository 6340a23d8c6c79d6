package org.ferryftp.transfer.journal;

import org.ferryftp.transfer.ItemSnapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a journal held: the items to restore, in their original order, and a message for the user
 * when the journal was damaged (the file is then kept aside and {@code items} holds what could be read).
 */
public record JournalLoad(List<ItemSnapshot> items, Optional<String> problem) {

    public JournalLoad {
        items = List.copyOf(items);
        Objects.requireNonNull(problem, "problem");
    }
}
