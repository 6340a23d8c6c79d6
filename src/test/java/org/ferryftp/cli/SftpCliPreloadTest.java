package org.ferryftp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command with an sftp:// URL starts loading the native crypto provider as it starts, before it connects: the key
 * exchange would otherwise wait for the load (0.04-0.2 s measured on a 2-core machine) after MINA's set-up.
 */
class SftpCliPreloadTest {

    private static final String LIBRARY = "libamazonCorrettoCryptoProvider.so";

    @TempDir
    Path tmp;

    @Test
    void anSftpCommandLoadsTheNativeProviderBeforeItConnects() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the library is bundled for Linux x86_64 only");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + scratch, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                tmp.resolve("config").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals("refused before connecting; library mapped", out);
    }

    /**
     * Runs a command that is refused before any connection (an FTP-only option with an sftp:// URL), then waits for
     * the provider's library to be mapped into this JVM.
     */
    static final class Child {
        public static void main(String[] args) throws Exception {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = FerryCommand.execute(new String[] {"ls", "--active", "sftp://nobody@127.0.0.1:1/"},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err),
                    Map.of("FERRY_CONFIG_DIR", args[0]));
            String refused = code != 0 && err.toString().contains("sftp://") ? "refused before connecting"
                    : "exit " + code + ": " + err;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean mapped = libraryMapped();
            while (!mapped && System.nanoTime() < deadline) {
                Thread.sleep(20); // /proc/self/maps gives no change event to wait on: it is looked at again
                mapped = libraryMapped();
            }
            System.out.println(refused + "; library " + (mapped ? "mapped" : "not mapped"));
            System.exit(0);
        }

        private static boolean libraryMapped() throws IOException {
            try (var maps = Files.lines(Path.of("/proc/self/maps"))) {
                return maps.anyMatch(l -> l.contains(LIBRARY));
            }
        }
    }
}
