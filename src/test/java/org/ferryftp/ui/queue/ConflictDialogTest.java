package org.ferryftp.ui.queue;

import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.FileFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker-to-FX hand-off of the conflict dialog, with a fake prompt and the test thread as FX thread. */
class ConflictDialogTest {

    record Shown(ConflictQuestion question, Consumer<ConflictAnswer> answer, CountDownLatch closed) {
    }

    final BlockingQueue<Runnable> fxTasks = new LinkedBlockingQueue<>();
    final BlockingQueue<Shown> shown = new LinkedBlockingQueue<>();
    final ExecutorService worker = Executors.newSingleThreadExecutor();
    final ConflictPrompt fake = (q, answer) -> {
        CountDownLatch closed = new CountDownLatch(1);
        shown.add(new Shown(q, answer, closed));
        return closed::countDown;
    };
    final ConflictDialog dialog = new ConflictDialog(fake, fxTasks::add,
            () -> Thread.currentThread().getName().equals("fx-stand-in"));
    final ConflictQuestion question = new ConflictQuestion(TransferDirection.DOWNLOAD, "/pub/a.txt", "/home/a.txt",
            new FileFacts(10, Instant.parse("2026-01-01T00:00:00Z")), new FileFacts(5, null));

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** Runs the next FX task the worker handed over. */
    void runNextFxTask() throws InterruptedException {
        Runnable r = fxTasks.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "the worker handed nothing to the FX thread");
        r.run();
    }

    @Test
    void theWorkerWaitsUntilTheUserAnswers() throws Exception {
        Future<ConflictAnswer> asked = worker.submit(() -> dialog.ask(question));
        runNextFxTask();
        Shown s = shown.poll(10, TimeUnit.SECONDS);
        assertNotNull(s);
        assertEquals(question, s.question());
        assertFalse(asked.isDone(), "the worker must wait for the answer");
        ConflictAnswer answer = new ConflictAnswer(ConflictChoice.OVERWRITE_IF_NEWER, true, false);
        s.answer().accept(answer);
        assertEquals(answer, asked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void dismissingSkips() throws Exception {
        Future<ConflictAnswer> asked = worker.submit(() -> dialog.ask(question));
        runNextFxTask();
        shown.poll(10, TimeUnit.SECONDS).answer().accept(null);
        assertNull(asked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCancelledWorkerClosesThePrompt() throws Exception {
        Future<ConflictAnswer> asked = worker.submit(() -> dialog.ask(question));
        runNextFxTask();
        Shown s = shown.poll(10, TimeUnit.SECONDS);
        asked.cancel(true);
        runNextFxTask();
        assertTrue(s.closed().await(10, TimeUnit.SECONDS));
        worker.shutdown();
        assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void askingOnTheFxThreadIsRefused() throws Exception {
        ExecutorService fxStandIn = Executors.newSingleThreadExecutor(r -> new Thread(r, "fx-stand-in"));
        try {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> fxStandIn.submit(() -> dialog.ask(question)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        } finally {
            fxStandIn.shutdownNow();
        }
    }
}
