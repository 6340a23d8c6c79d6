package org.ferryftp.transfer.journal;

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
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scenario for real: Ferry (a separate JVM) is killed with SIGKILL in the middle of a
 * download; a new queue on the same journal restores every item and resumes the partial file.
 */
class JournalCrashTest {

    static final int BIG = 8 * 1024 * 1024;
    static final long LIMIT = 2L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void sigkillMidTransferThenRestartRestoresEverythingAndResumes() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path journalDir = tmp.resolve("config");
        Map<String, byte[]> files = Map.of("/big.bin", random(BIG, 1), "/s1.bin", random(100_000, 2),
                "/s2.bin", random(1, 3), "/s3.bin", random(65_537, 4));
        List<String> order = List.of("/big.bin", "/s1.bin", "/s2.bin", "/s3.bin");
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root)) {
            files.forEach((path, data) -> server.write(path.substring(1), data));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
                    String.valueOf(server.port()), local.toString(), journalDir.toString(), String.valueOf(LIMIT)));
            command.addAll(order);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            Path partial = local.resolve("big.bin" + PartialDownload.SUFFIX);
            long atKill;
            try {
                // The child reports progress; kill it once 1.5 MB of 8 MB have arrived (about 0.75 s in).
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> awaitProgress(child, "/big.bin", 1_500_000));
                assertTrue(Files.size(partial) > 0, "partial file on disk");
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            atKill = Files.size(partial);
            assertTrue(atKill > 0 && atKill < BIG, "killed mid-transfer at " + atKill);
            assertFalse(Files.exists(local.resolve("big.bin")));
            for (String small : order.subList(1, order.size())) {
                assertFalse(Files.exists(local.resolve(small.substring(1))), small + " had not started");
            }

            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal journal = QueueJournal.attach(queue, journalDir, MinaQueues.resolver(server.port()))) {
                assertEquals(java.util.Optional.empty(), journal.problem());
                assertEquals(order, queue.snapshot().stream().map(s -> s.source().path()).toList(), "restored");
                assertTrue(queue.awaitIdle(Duration.ofSeconds(60)), queue.snapshot().toString());
                for (ItemSnapshot s : queue.snapshot()) {
                    assertInstanceOf(ItemState.Done.class, s.state(), s.toString());
                }
                queue.close();
            }
            for (String path : order) {
                assertArrayEquals(files.get(path), Files.readAllBytes(local.resolve(path.substring(1))), path);
            }
            assertFalse(Files.exists(partial));
            // The big file resumed where the killed process left it rather than starting over.
            assertEquals(List.of(String.valueOf(atKill)), server.transfers().restArguments());
        }
        // And the finished items are what the journal now holds.
        List<ItemSnapshot> after = QueueJournal.load(journalDir, id -> java.util.Optional.empty()).items();
        assertEquals(4, after.size());
    }

    private static void awaitProgress(Process child, String path, long bytes) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            seen.add(line);
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("PROGRESS") && parts[1].equals(path)
                    && Long.parseLong(parts[2]) >= bytes) {
                return;
            }
        }
        fail("child ended before " + bytes + " bytes of " + path + ": " + seen);
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
