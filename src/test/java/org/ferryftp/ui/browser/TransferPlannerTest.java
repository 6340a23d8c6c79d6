package org.ferryftp.ui.browser;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferPlannerTest {

    private static final SiteRef A = new SiteRef("a", "A", SessionSettings.of("a", 21, Credentials.anonymous()), 1);
    private static final SiteRef B = new SiteRef("b", "B", SessionSettings.of("b", 21, Credentials.anonymous()), 1);
    private final Messages msg = new Messages(Locale.ENGLISH);
    private final RecordingSubmitter submitter = new RecordingSubmitter();
    private final TransferCoordinator coordinator = new TransferCoordinator(submitter, msg);

    private static TransferPlanner.Item local(String path, boolean dir) {
        return new TransferPlanner.Item(Location.local(path), Location.local(Path.of(path).getParent().toString()), dir);
    }

    @Test
    void fileAndFolderFromLocalToRemote() {
        assertTrue(coordinator.transfer(List.of(local("/tmp/x/a.txt", false), local("/tmp/x/sub", true)),
                Location.remote(A, "/in")));
        assertEquals(List.of(
                new TransferRequest(Location.local("/tmp/x/a.txt"), false, Location.remote(A, "/in"), Priority.NORMAL),
                new TransferRequest(Location.local("/tmp/x/sub"), true, Location.remote(A, "/in"), Priority.NORMAL)),
                submitter.requests);
        assertEquals("Queued 2 transfers to /in", coordinator.messageProperty().get());
    }

    @Test
    void siteToSiteIsAllowed() {
        TransferPlanner.Item item = new TransferPlanner.Item(Location.remote(A, "/f"), Location.remote(A, "/"), false);
        assertTrue(coordinator.transfer(List.of(item), Location.remote(B, "/")));
        assertEquals(1, submitter.requests.size());
    }

    @Test
    void sameLocationIsRefused() {
        TransferPlanner.Item item = new TransferPlanner.Item(Location.remote(A, "/d/f"), Location.remote(A, "/d"), false);
        assertFalse(coordinator.transfer(List.of(item), Location.remote(A, "/d")));
        assertTrue(submitter.requests.isEmpty());
        assertEquals(msg.get("transfer.sameLocation"), coordinator.messageProperty().get());
    }

    @Test
    void sameFolderOnAnotherSiteIsNotTheSameLocation() {
        TransferPlanner.Item item = new TransferPlanner.Item(Location.remote(A, "/d/f"), Location.remote(A, "/d"), false);
        assertTrue(coordinator.transfer(List.of(item), Location.remote(B, "/d")));
    }

    @Test
    void folderIntoItselfIsRefused() {
        TransferPlanner.Item item = new TransferPlanner.Item(Location.remote(A, "/d"), Location.remote(A, "/"), true);
        assertFalse(coordinator.transfer(List.of(item), Location.remote(A, "/d")));
        assertEquals(msg.get("transfer.intoItself"), coordinator.messageProperty().get());
    }

    @Test
    void localToLocalIsRefused() {
        assertFalse(coordinator.transfer(List.of(local("/tmp/x/a.txt", false)), Location.local("/tmp/y")));
        assertTrue(submitter.requests.isEmpty());
        assertEquals(msg.get("transfer.localToLocal"), coordinator.messageProperty().get());
    }

    @Test
    void nothingOrNoTargetIsRefused() {
        assertFalse(coordinator.transfer(List.of(), Location.remote(A, "/")));
        assertFalse(coordinator.transfer(List.of(local("/tmp/x/a", false)), null));
        assertTrue(submitter.requests.isEmpty());
    }

    @Test
    void filesFromTheOperatingSystemBecomeLocalItems() throws Exception {
        Path dir = Files.createTempDirectory("ferry-plan");
        try {
            Path sub = Files.createDirectory(dir.resolve("sub"));
            Path f = Files.writeString(dir.resolve("f.txt"), "x");
            List<TransferPlanner.Item> items = TransferCoordinator.itemsFromFiles(List.of(f.toFile(), sub.toFile()));
            assertEquals(List.of(new TransferPlanner.Item(Location.local(f.toString()), Location.local(dir.toString()), false),
                    new TransferPlanner.Item(Location.local(sub.toString()), Location.local(dir.toString()), true)), items);
        } finally {
            for (File x : new File[] {dir.resolve("f.txt").toFile(), dir.resolve("sub").toFile(), dir.toFile()}) {
                x.delete();
            }
        }
    }
}
