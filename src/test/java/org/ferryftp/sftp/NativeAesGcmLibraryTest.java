package org.ferryftp.sftp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native AES-GCM's library kept unpacked in a directory the launcher names ({@link NativeAesGcm#LIBRARY_DIR}):
 * unpacked once, then loaded from there, instead of copied out of the jar into a new temporary directory each run.
 */
class NativeAesGcmLibraryTest {

    private static final String NAME = "libamazonCorrettoCryptoProvider.so";

    @TempDir
    Path tmp;

    private static byte[] bundled() throws IOException {
        try (InputStream in = NativeAesGcm.class.getClassLoader()
                .getResourceAsStream("com/amazon/corretto/crypto/provider/" + NAME)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theLibraryIsUnpackedOnceAndADamagedCopyReplaced() throws Exception {
        assumeTrue(NativeAesGcm.bundledForThisPlatform(), "the library is bundled for Linux x86_64 only");
        Path dir = tmp.resolve("native");
        Path library = NativeAesGcm.unpackedOnce(dir);
        assertEquals(dir.resolve(NAME), library);
        assertArrayEquals(bundled(), Files.readAllBytes(library));

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, old);
        NativeAesGcm.unpackedOnce(dir);
        assertEquals(old, Files.getLastModifiedTime(library), "a whole copy is not written again");

        Files.write(library, new byte[] {1, 2, 3}); // a copy cut short by a full disk, say
        NativeAesGcm.unpackedOnce(dir);
        assertArrayEquals(bundled(), Files.readAllBytes(library));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(library), left.toList(), "nothing else left in the directory");
        }
    }

    /** A JVM given the directory maps the library from there, and its AES-GCM works (the known-answer test). */
    @Test
    void aJvmGivenTheDirectoryLoadsTheLibraryFromIt() throws Exception {
        assumeTrue(NativeAesGcm.bundledForThisPlatform(), "the library is bundled for Linux x86_64 only");
        Path dir = tmp.resolve("cache/native");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        for (int run = 1; run <= 2; run++) {
            String mapped = childMapping(dir, scratch);
            assertEquals(dir.resolve(NAME).toString(), mapped, "run " + run);
        }
    }

    private String childMapping(Path dir, Path scratch) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NativeAesGcm.LIBRARY_DIR + "=" + dir, "-Djava.library.path=" + dir,
                "-Djava.io.tmpdir=" + scratch, "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Loads the provider as an SFTP connection would and prints the file its library was mapped from. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            Optional<java.security.Provider> provider = NativeAesGcm.provider();
            if (provider.isEmpty()) {
                System.out.println("the provider did not load");
                System.exit(1);
            }
            try (var maps = Files.lines(Path.of("/proc/self/maps"))) {
                System.out.println(maps.filter(l -> l.contains(NAME)).map(l -> l.substring(l.indexOf('/')))
                        .findFirst().orElse("not mapped"));
            }
        }
    }
}
