package org.ferryftp.ui.synchronize;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.sync.SyncDirection;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ferryftp.ui.synchronize.SyncPreviewAgreesWithDryRunTest.write;

/**
 * The window's Synchronize carries a plan out as {@code ferry mirror} does: the checked deletions wait until every
 * queued copy has succeeded (none is done if one failed, and it says so), and then the changed folders get their
 * source's times. A real transfer queue against an embedded MINA server; the queue is held shut until the test has
 * looked at what happened before the copies.
 */
class SynchronizeRunTest {

    @TempDir
    Path tmp;
    Path local;
    Path site;
    EmbeddedMinaServer server;
    TransferQueue realQueue;
    final HeldQueue queue = new HeldQueue();

    /** The real queue, behind a gate the test opens. */
    final class HeldQueue implements TransferSubmitter {
        final CompletableFuture<Void> gate = new CompletableFuture<>();

        @Override
        public void submit(List<TransferRequest> requests) {
            realQueue.submit(requests);
        }

        @Override
        public CompletionStage<List<ItemSnapshot>> submitAndAwait(List<TransferRequest> requests) {
            return gate.thenCompose(open -> realQueue.submitAndAwait(requests));
        }
    }

    @BeforeEach
    void prepare() throws IOException {
        local = Files.createDirectories(tmp.resolve("local"));
        Path root = Files.createDirectories(tmp.resolve("server"));
        site = root.resolve("site");
        write(site.resolve("d/new.txt"), "new on the server", "2024-02-01T10:00:00Z");
        write(site.resolve("d/e/deep.txt"), "deep", "2024-02-01T10:00:00Z");
        write(site.resolve("top.txt"), "top, changed", "2024-02-01T10:00:00Z");
        write(local.resolve("top.txt"), "top", "2024-01-01T10:00:00Z");
        write(local.resolve("d/only-here.txt"), "only at the left", "2024-01-01T10:00:00Z");
        Files.setLastModifiedTime(site.resolve("d/e"), FileTime.from(Instant.parse("2023-05-06T07:08:09Z")));
        Files.setLastModifiedTime(site.resolve("d"), FileTime.from(Instant.parse("2023-04-05T06:07:08Z")));
        server = new EmbeddedMinaServer(root);
        SiteRef ref = ref();
        realQueue = TransferQueue.create(QueueSettings.DEFAULT.withMaxAttempts(1),
                new StandardSessions(LogListener.NONE), ConflictPolicy.fixed(ConflictChoice.SKIP));
        assertTrue(ref.options().keepTimes());
    }

    SiteRef ref() {
        return new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
    }

    @AfterEach
    void stop() {
        realQueue.close();
        server.close();
    }

    SyncViewModel viewModel() {
        return new SyncViewModel(new SyncViewModel.Folder(Source.local("Local"), local.toString()),
                new SyncViewModel.Folder(Source.of(ref()), "/site"), SyncRules.DEFAULT,
                new StandardBrowserFactory(new StandardSessions(LogListener.NONE)), new SameThreadUiExecutor(), queue,
                new Messages(Locale.ENGLISH));
    }

    /** The run's last word, said on a queue thread once the copies are over. */
    static CompletableFuture<String> lastWord(SyncViewModel vm) {
        CompletableFuture<String> said = new CompletableFuture<>();
        vm.progressProperty().addListener((o, was, now) -> {
            if (!now.contains("queued") && !now.startsWith("Preparing")) {
                said.complete(now);
            }
        });
        return said;
    }

    @Test
    void deletionsWaitForTheCopiesAndFoldersGetTheirTimesAfter() throws Exception {
        try (SyncViewModel vm = viewModel()) {
            vm.directionProperty().set(SyncDirection.TO_LEFT);
            vm.deleteExtraProperty().set(true);
            vm.plan();
            assertTrue(vm.readyProperty().get(), vm.progressProperty().get());
            CompletableFuture<String> end = lastWord(vm);
            assertTrue(vm.synchronize());
            assertTrue(vm.progressProperty().get().startsWith("3 transfers queued; 1 deletion waits"),
                    vm.progressProperty().get());
            assertTrue(Files.exists(local.resolve("d/only-here.txt")), "no deletion before the copies are done");

            queue.gate.complete(null);
            String said = end.get(30, TimeUnit.SECONDS);
            assertEquals("Synchronized: every transfer succeeded, 1 deleted.", said);
            assertTrue(Files.notExists(local.resolve("d/only-here.txt")), "deleted once the copies succeeded");
            for (String f : List.of("top.txt", "d/new.txt", "d/e/deep.txt")) {
                assertArrayEquals(Files.readAllBytes(site.resolve(f)), Files.readAllBytes(local.resolve(f)), f);
            }
            for (String dir : List.of("d", "d/e")) {
                assertEquals(Files.getLastModifiedTime(site.resolve(dir)).toInstant(),
                        Files.getLastModifiedTime(local.resolve(dir)).toInstant(), dir + ": the server's time");
            }
        }
    }

    @Test
    void aFailedCopyHoldsBackTheDeletionsAndSaysSo() throws Exception {
        try (SyncViewModel vm = viewModel()) {
            vm.directionProperty().set(SyncDirection.TO_LEFT);
            vm.deleteExtraProperty().set(true);
            vm.plan();
            assertTrue(vm.readyProperty().get(), vm.progressProperty().get());
            Files.delete(site.resolve("top.txt")); // gone from the server between the preview and the copy
            CompletableFuture<String> end = lastWord(vm);
            assertTrue(vm.synchronize());
            queue.gate.complete(null);
            assertEquals("1 transfer did not succeed, so nothing was deleted and folder times were not set.",
                    end.get(30, TimeUnit.SECONDS));
            assertTrue(Files.exists(local.resolve("d/only-here.txt")), "kept: a copy failed");
        }
    }
}
