package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A directory item whose source is gone (e.g. deleted after the pane listed it) fails at once and creates nothing. */
class MissingDirectoryQueueTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    @Test
    void aMissingSourceDirectoryFailsWithoutRetriesOrALocalFolder() throws Exception {
        Files.createDirectories(serverRoot.resolve("empty"));
        try (QueueFixture fx = new QueueFixture(serverRoot)) {
            fx.download("gone", true, local);
            fx.download("empty", true, local);
            fx.awaitIdle();
            List<ItemSnapshot> items = fx.queue.snapshot();
            ItemSnapshot gone = items.stream().filter(i -> i.source().path().equals("gone")).findFirst().orElseThrow();
            assertTrue(gone.state() instanceof ItemState.Failed f && f.reason().startsWith("no such directory: gone (5"),
                    gone.state().label());
            assertEquals(1, gone.attempts(), "a missing directory is not worth retrying");
            assertFalse(Files.exists(local.resolve("gone")));
            assertTrue(Files.isDirectory(local.resolve("empty")), "an empty directory is still copied");
        }
    }
}
