package org.ferryftp.transfer.journal;

import org.ferryftp.testsupport.FileWatch;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The kill test: a 1,000-file tree (one flat directory of 400 files and 60 small ones) is
 * downloaded by a child JVM that is killed with SIGKILL at 20 seeded points, during the expansion and
 * the transfers; each new child restores from the journal and goes on, and this JVM restores last.
 * No target is ever queued twice, and every file ends byte-identical.
 */
class JournalKillTest {

    static final long SEED = 20261206L;
    static final int KILLS = 20;
    /** Transfers at once (and connections to the server): a thousand small files are round trips, not bytes. */
    static final int CONNECTIONS = 4;

    @TempDir
    Path tmp;

    /** What one child run showed before it was killed. */
    record Run(boolean killedMidway, int finished, List<String> duplicates, List<String> problems, long millis) {
    }

    @Test
    void sigkillAtTwentySeededPointsNeverQueuesATargetTwiceAndFinishesEveryFileIdentical() throws Exception {
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        Map<String, byte[]> files = tree(new Random(SEED));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            files.forEach(server::write);
            Random points = new Random(SEED);
            List<String> duplicates = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int midway = 0;
            for (int k = 0; k < KILLS; k++) {
                // Every other child is killed inside an expansion: the journal has the children but not
                // yet the directory's end (or after 40 files when no directory is expanded meanwhile).
                // The others are killed after a seeded number of events (an expansion or a finished
                // file), wherever that falls, and move through the files.
                boolean atExpansion = k % 2 == 0;
                int hold = atExpansion ? 1 + points.nextInt(3) : 0;
                int events = atExpansion ? Integer.MAX_VALUE : 1 + points.nextInt(50);
                Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> runChild(server.port(), local, config, hold, events));
                duplicates.addAll(run.duplicates());
                problems.addAll(run.problems());
                midway += run.killedMidway() ? 1 : 0;
                System.out.println("kill " + k + (run.killedMidway() ? "" : " (idle)") + ": after " + run.finished() + " files, " + run.millis() + " ms, "
                        + run.duplicates().size() + " duplicates");
            }
            assertEquals(List.of(), duplicates, "targets queued twice by the children");
            assertEquals(List.of(), problems, "journal problems reported by the children");
            assertTrue(midway >= KILLS / 2, "killed mid-run only " + midway + " times");

            long start = System.nanoTime();
            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT.withConcurrency(CONNECTIONS));
            queue.addListener(new TargetWatch(duplicates::add, s -> { }));
            try (QueueJournal journal = QueueJournal.attach(queue, config,
                    MinaQueues.resolver(server.port(), CONNECTIONS))) {
                assertEquals(Optional.empty(), journal.problem());
                assertTrue(queue.awaitIdle(Duration.ofSeconds(60)), "not finished");
                queue.close();
                List<ItemSnapshot> items = queue.snapshot();
                System.out.println("last restore: " + (System.nanoTime() - start) / 1_000_000 + " ms, "
                        + items.stream().filter(s -> s.state() instanceof ItemState.Skipped).count() + " skipped");
                List<String> targets = items.stream().map(s -> s.target().path()).toList();
                assertEquals(targets.size(), new HashSet<>(targets).size(), "duplicate targets after restore");
                for (ItemSnapshot s : items) {
                    // Skipped: a file finished (renamed into place) just before a kill, not yet journaled as done.
                    assertTrue(s.state() instanceof ItemState.Done || s.state() instanceof ItemState.Skipped,
                            s.toString());
                }
            }
            assertEquals(List.of(), duplicates, "targets queued twice by the last restore");
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(local.resolve(f.getKey())), f.getKey());
        }
        try (Stream<Path> all = Files.walk(local)) {
            List<Path> regular = all.filter(Files::isRegularFile).toList();
            assertEquals(files.size(), regular.size(), "only the tree's files, no partials: "
                    + regular.stream().filter(p -> p.toString().endsWith(PartialDownload.SUFFIX)).toList());
        }
    }

    /**
     * Runs one child until it holds inside its {@code hold}-th expansion (0: never), or reports
     * {@code events} expansions and finished files, or 40 files when holding was asked for; kills it.
     */
    private static Run runChild(int port, Path local, Path config, int hold, int events) throws Exception {
        long start = System.nanoTime();
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick to start: the child lives a second or two.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), JournalKillChild.class.getName(),
                String.valueOf(port), local.toString(), config.toString(), "/tree", String.valueOf(hold)))
                .redirectErrorStream(true).start();
        List<String> duplicates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int seenEvents = 0;
        int finished = 0;
        boolean ready = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("DUPLICATE ")) {
                    duplicates.add(line);
                } else if (line.startsWith("PROBLEM ")) {
                    problems.add(line);
                } else if (line.equals("READY")) {
                    ready = true;
                } else if (line.equals("IDLE")) {
                    return new Run(false, finished, duplicates, problems, (System.nanoTime() - start) / 1_000_000);
                } else if (line.startsWith("HOLDING ")) {
                    awaitInJournal(config.resolve(JournalFiles.NAME), line.substring("HOLDING ".length()));
                    return new Run(true, finished, duplicates, problems, (System.nanoTime() - start) / 1_000_000);
                } else if (ready && line.startsWith("ADDED ")) {
                    seenEvents++;
                } else if (line.startsWith("FINISHED ")) {
                    finished++;
                    seenEvents++;
                }
                if (seenEvents >= events || hold > 0 && finished >= 40) {
                    return new Run(true, finished, duplicates, problems, (System.nanoTime() - start) / 1_000_000);
                }
            }
            fail("the child ended on its own: " + seen.subList(Math.max(0, seen.size() - 20), seen.size()));
            return null;
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    /** Waits on the journal until the held expansion's last child is in it. */
    private static void awaitInJournal(Path journal, String target) throws Exception {
        assertTrue(FileWatch.awaitText(journal, "\"" + target + "\"", Duration.ofSeconds(60)), target + " journaled");
    }

    /** 400 files in one directory, 600 in 60 small ones; 1 to 8,192 random bytes each. */
    static Map<String, byte[]> tree(Random random) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            files.put(String.format("tree/flat/f%03d", i), bytes(random));
        }
        for (int d = 0; d < 6; d++) {
            for (int e = 0; e < 10; e++) {
                for (int f = 0; f < 10; f++) {
                    files.put("tree/deep/d" + d + "/e" + e + "/f" + f, bytes(random));
                }
            }
        }
        return files;
    }

    private static byte[] bytes(Random random) {
        byte[] b = new byte[1 + random.nextInt(8192)];
        random.nextBytes(b);
        return b;
    }
}
