package org.ferryftp.ui.synchronize;

import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Synchronize dialog's last lines read right for none, one and many. */
class SyncOutcomeWordingTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    @Test
    void aRunThatDeletedNothingDoesNotSayZeroDeleted() {
        assertEquals("Synchronized: every transfer succeeded.", msg.format("synchronize.done", 0));
        assertEquals("Synchronized: every transfer succeeded, 1 deleted.", msg.format("synchronize.done", 1));
        assertEquals("Synchronized: every transfer succeeded, 1,234 deleted.", msg.format("synchronize.done", 1234));
    }

    @Test
    void oneFailedTransferIsSingular() {
        assertEquals("1 transfer did not succeed, so nothing was deleted and folder times were not set.",
                msg.format("synchronize.heldBack", 1));
        assertEquals("3 transfers did not succeed, so nothing was deleted and folder times were not set.",
                msg.format("synchronize.heldBack", 3));
    }

    @Test
    void queuedLineNamesDeletionsOnlyWhenThereAreSome() {
        assertEquals("1 transfer queued.", msg.format("synchronize.queued", 1, 0));
        assertEquals("5 transfers queued; 2 deletions wait until they have all succeeded.",
                msg.format("synchronize.queued", 5, 2));
        assertEquals("5 transfers queued; 1 deletion waits until they have all succeeded.",
                msg.format("synchronize.queued", 5, 1));
    }
}
