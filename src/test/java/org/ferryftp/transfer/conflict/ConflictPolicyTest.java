package org.ferryftp.transfer.conflict;

import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.transfer.conflict.ConflictResolution.Skip;
import org.ferryftp.transfer.conflict.ConflictResolution.Write;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflictPolicyTest {

    static final FileFacts SOURCE = new FileFacts(100, Instant.parse("2025-01-02T00:00:00Z"));
    static final FileFacts TARGET = new FileFacts(40, Instant.parse("2025-01-01T00:00:00Z"));

    static ConflictQuestion question(TransferDirection direction, String target) {
        return new ConflictQuestion(direction, "/src/" + target, "/dst/" + target, SOURCE, TARGET);
    }

    /** An asker that answers from a script and records what it was asked. */
    static final class ScriptedAsker implements ConflictAsker {
        final List<ConflictQuestion> asked = new ArrayList<>();
        final List<ConflictAnswer> answers;

        ScriptedAsker(ConflictAnswer... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public synchronized ConflictAnswer ask(ConflictQuestion q) {
            asked.add(q);
            return answers.remove(0);
        }
    }

    @Test
    void aFixedChoiceNeverAsks() throws Exception {
        ConflictPolicy policy = ConflictPolicy.fixed(ConflictChoice.RESUME);
        assertEquals(new ConflictResolution.Resume(40),
                policy.resolve(question(TransferDirection.DOWNLOAD, "a.bin"), n -> false));
    }

    @Test
    void askingPolicyAsksEveryTimeForOneOffAnswers() throws Exception {
        ScriptedAsker asker = new ScriptedAsker(ConflictAnswer.once(ConflictChoice.OVERWRITE),
                ConflictAnswer.once(ConflictChoice.SKIP));
        ConflictPolicy policy = ConflictPolicy.asking(asker);
        assertEquals(new Write("a.bin"), policy.resolve(question(TransferDirection.UPLOAD, "a.bin"), n -> false));
        assertTrue(policy.resolve(question(TransferDirection.UPLOAD, "b.bin"), n -> false) instanceof Skip);
        assertEquals(2, asker.asked.size());
        assertEquals("/dst/b.bin", asker.asked.get(1).targetPath());
    }

    @Test
    void applyToAllCoversEveryLaterConflict() throws Exception {
        ScriptedAsker asker = new ScriptedAsker(new ConflictAnswer(ConflictChoice.RENAME, true, false));
        ConflictPolicy policy = ConflictPolicy.asking(asker);
        assertEquals(new Write("a (1).txt"), policy.resolve(question(TransferDirection.UPLOAD, "a.txt"), n -> false));
        assertEquals(new Write("b (2).txt"), policy.resolve(question(TransferDirection.DOWNLOAD, "b.txt"),
                n -> n.equals("b (1).txt")));
        assertEquals(1, asker.asked.size());
    }

    @Test
    void rememberedChoicesArePerDirection() throws Exception {
        ScriptedAsker asker = new ScriptedAsker(new ConflictAnswer(ConflictChoice.SKIP, false, true),
                ConflictAnswer.once(ConflictChoice.OVERWRITE));
        ConflictPolicy policy = ConflictPolicy.asking(asker);
        policy.resolve(question(TransferDirection.DOWNLOAD, "a"), n -> false);
        assertTrue(policy.resolve(question(TransferDirection.DOWNLOAD, "b"), n -> false) instanceof Skip);
        assertEquals(new Write("c"), policy.resolve(question(TransferDirection.UPLOAD, "c"), n -> false));
        assertEquals(2, asker.asked.size());
        assertEquals(ConflictChoice.SKIP, policy.remembered(TransferDirection.DOWNLOAD).orElseThrow());
        assertTrue(policy.remembered(TransferDirection.UPLOAD).isEmpty());
    }

    @Test
    void aRememberedDirectionOverridesTheFixedDefault() throws Exception {
        ConflictPolicy policy = ConflictPolicy.fixed(ConflictChoice.SKIP);
        policy.remember(TransferDirection.SITE_TO_SITE, ConflictChoice.OVERWRITE);
        assertEquals(new Write("x"), policy.resolve(question(TransferDirection.SITE_TO_SITE, "x"), n -> false));
        assertTrue(policy.resolve(question(TransferDirection.RELAY, "x"), n -> false) instanceof Skip);
        policy.reset();
        assertTrue(policy.resolve(question(TransferDirection.SITE_TO_SITE, "x"), n -> false) instanceof Skip);
    }

    @Test
    void aDismissedQuestionSkips() throws Exception {
        ConflictPolicy policy = ConflictPolicy.asking(q -> null);
        assertEquals(new Skip("conflict question dismissed"),
                policy.resolve(question(TransferDirection.UPLOAD, "a"), n -> false));
    }

    @Test
    void resetForgetsApplyToAll() throws Exception {
        ScriptedAsker asker = new ScriptedAsker(new ConflictAnswer(ConflictChoice.SKIP, true, false),
                ConflictAnswer.once(ConflictChoice.OVERWRITE));
        ConflictPolicy policy = ConflictPolicy.asking(asker);
        policy.resolve(question(TransferDirection.UPLOAD, "a"), n -> false);
        policy.reset();
        assertEquals(new Write("a"), policy.resolve(question(TransferDirection.UPLOAD, "a"), n -> false));
        assertEquals(2, asker.asked.size());
    }

    @Test
    void theTargetNameIsTheLastPathSegment() {
        assertEquals("c.txt", ConflictPolicy.targetName(question(TransferDirection.UPLOAD, "c.txt")));
        assertEquals("n", ConflictPolicy.targetName(
                new ConflictQuestion(TransferDirection.RELAY, "/a", "n", SOURCE, TARGET)));
    }

    /**
     * Four workers hit conflicts at once. The user sees one question at a time; the first answer says "apply
     * to all", so the three waiting workers are not asked at all.
     */
    @Test
    void concurrentWorkersGetOneQuestionAtATimeAndSeeApplyToAll() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger maxOpen = new AtomicInteger();
        BlockingQueue<ConflictQuestion> shown = new LinkedBlockingQueue<>();
        CountDownLatch userAnswers = new CountDownLatch(1);
        ConflictAsker dialog = q -> {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            shown.add(q);
            userAnswers.await();
            open.decrementAndGet();
            return new ConflictAnswer(ConflictChoice.OVERWRITE, true, false);
        };
        ConflictPolicy policy = ConflictPolicy.asking(dialog);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<ConflictResolution>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "f" + i;
                results.add(workers.submit(() -> policy.resolve(question(TransferDirection.UPLOAD, name), n -> false)));
            }
            assertTrue(shown.poll(5, TimeUnit.SECONDS) != null, "first question shown");
            userAnswers.countDown();
            for (int i = 0; i < 4; i++) {
                assertEquals(new Write("f" + i), results.get(i).get(5, TimeUnit.SECONDS));
            }
            assertTrue(shown.isEmpty(), "later workers were asked again: " + shown);
            assertEquals(1, maxOpen.get());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Without "apply to all", the questions come one after another, never two at once. */
    @Test
    void concurrentQuestionsAreSerialised() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger maxOpen = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        ConflictAsker dialog = q -> {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            asked.incrementAndGet();
            Thread.yield();
            open.decrementAndGet();
            return ConflictAnswer.once(ConflictChoice.SKIP);
        };
        ConflictPolicy policy = ConflictPolicy.asking(dialog);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<ConflictResolution>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(workers.submit(() -> policy.resolve(question(TransferDirection.UPLOAD, "x"), n -> false)));
            }
            for (Future<ConflictResolution> r : results) {
                assertTrue(r.get(5, TimeUnit.SECONDS) instanceof Skip);
            }
            assertEquals(40, asked.get());
            assertEquals(1, maxOpen.get());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aWorkerWaitingForTheUserCanBeInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ConflictPolicy policy = ConflictPolicy.asking(q -> {
            never.await();
            return null;
        });
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class,
                    () -> policy.resolve(question(TransferDirection.UPLOAD, "x"), n -> false));
        } finally {
            assertFalse(Thread.interrupted());
        }
    }
}
