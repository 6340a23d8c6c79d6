package org.ferryftp.ui.browser;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drop on a pane that shows no folder yet (still connecting) is refused with a message that says so. */
class TransferCoordinatorTest {

    private final RecordingSubmitter submitter = new RecordingSubmitter();
    private final TransferCoordinator coordinator = new TransferCoordinator(submitter, new Messages(Locale.ENGLISH));

    @Test
    void aDropOnAPaneThatIsNotReadyIsRefusedWithAMessageAboutThatPane() throws Exception {
        Path file = Files.createTempFile("ferry-drop", ".txt");
        List<TransferPlanner.Item> items = TransferCoordinator.itemsFromFiles(List.of(file.toFile()));

        assertFalse(coordinator.drop(items, null));
        assertTrue(submitter.requests.isEmpty());
        assertEquals("Not transferred: this pane shows no folder yet (it is still connecting). Drop again when it does.",
                coordinator.messageProperty().get());

        SiteRef site = new SiteRef("s", "Server", SessionSettings.of("127.0.0.1", 21, Credentials.anonymous()), 1);
        assertTrue(coordinator.drop(items, Location.remote(site, "/in")));
        assertEquals(1, submitter.requests.size());
        assertEquals("Queued 1 transfer to /in", coordinator.messageProperty().get());
        Files.delete(file);
    }
}
