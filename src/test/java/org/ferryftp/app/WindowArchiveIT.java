package org.ferryftp.app;

import org.ferryftp.testsupport.FileWatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar target/ferry.jar} as a user starts it, under Xvfb: the window comes up in a second JVM that has
 * the class archive the build put beside the jar mapped into its memory, and it ends with the JVM the user
 * started, whether that one is told to stop or killed.
 */
class WindowArchiveIT {

    private static final Path JAR = Path.of("target/ferry.jar");
    private static final Duration START = Duration.ofSeconds(90);
    private static Process xvfb;
    private static String display;

    @TempDir
    Path tmp;

    @BeforeAll
    static void display() throws IOException {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "Xvfb")));
        assumeTrue(found, "no Xvfb to show the window on");
        // -displayfd: Xvfb picks a free display itself and writes its number.
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        display = ":" + out.readLine().trim();
    }

    @AfterAll
    static void stopDisplay() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }

    private Process start(String name, String... jvmOptions) throws IOException, InterruptedException {
        return start(name, JAR, jvmOptions);
    }

    private Process start(String name, Path jar, String... jvmOptions) throws IOException, InterruptedException {
        Path home = Files.createDirectories(tmp.resolve(name + "/home"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home));
        command.addAll(Arrays.asList(jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("FERRY_CONFIG_DIR", tmp.resolve(name + "/config").toString());
        pb.environment().put(StartupMark.ENV, tmp.resolve(name + "/mark").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve(name + "/out.log").toFile());
        Process first = pb.start();
        Path mark = tmp.resolve(name + "/mark");
        // Until the window is usable, or the JVMs ended (their output changes the folder too).
        FileWatch.await(tmp.resolve(name), () -> usable(mark) || !first.isAlive(), START);
        assertTrue(usable(mark), "the window did not become usable: " + Files.readString(tmp.resolve(name + "/out.log")));
        return first;
    }

    private static boolean usable(Path mark) throws IOException {
        return Files.exists(mark) && Files.readString(mark).contains("usable ");
    }

    private static ProcessHandle onlyChild(Process first) {
        List<ProcessHandle> children = first.children().toList();
        assertEquals(1, children.size(), "the window's JVM: " + children);
        return children.get(0);
    }

    @Test
    void theWindowRunsInAJvmThatMapsTheArchiveAndStopsWithTheFirst() throws Exception {
        WindowArchive archive = WindowArchive.beside(JAR);
        assertTrue(Files.isRegularFile(archive.archive()) && Files.isRegularFile(archive.stamp()),
                "mvn package builds " + archive.archive() + " on this JDK");
        Process first = start("stopped");
        ProcessHandle window = onlyChild(first);
        assertTrue(window.info().arguments().map(List::of).orElseThrow()
                .contains("-XX:SharedArchiveFile=" + archive.archive().toAbsolutePath()), window.info().toString());
        // Mapped, not only named: the JVM found the archive valid for this jar and this JVM.
        String maps = Files.readString(Path.of("/proc", Long.toString(window.pid()), "maps"));
        assertTrue(maps.contains(archive.archive().toAbsolutePath().toString()), "the archive is not mapped");

        first.destroy();  // SIGTERM, as a session's end or kill(1) sends
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first JVM did not end");
        assertEquals(WindowArchive.STOPPED, first.exitValue());
        window.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(window.isAlive());
    }

    @Test
    void theWindowEndsWhenTheFirstJvmIsKilled() throws Exception {
        Process first = start("killed");
        ProcessHandle window = onlyChild(first);
        first.destroyForcibly();  // SIGKILL: nothing in the first JVM runs
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        // The window's JVM polls for its parent with a growing pause of at most 5 s.
        window.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(window.isAlive());
    }

    /** A damaged archive (its checksums fail) is not mapped, and the window starts without it; it crashed the JVM. */
    @Test
    void aDamagedArchiveIsLeftAsideAndTheWindowStarts() throws Exception {
        Path jar = Files.copy(JAR, Files.createDirectories(tmp.resolve("build")).resolve("ferry.jar"));
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), WindowArchive.class.getName(), "src/main/cds/window.classlist")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("dump.log").toFile()).start();
        assertTrue(dump.waitFor(120, TimeUnit.SECONDS) && dump.exitValue() == 0, Files.readString(tmp.resolve("dump.log")));
        Path archive = WindowArchive.beside(jar).archive();
        assertTrue(archive.toFile().setWritable(true));
        byte[] bytes = Files.readAllBytes(archive);
        for (int i = 64 * 1024; i < bytes.length; i += 4096) {
            bytes[i] ^= (byte) 0xff;
        }
        Files.write(archive, bytes);

        Process first = start("damaged", jar);
        ProcessHandle window = onlyChild(first);
        String maps = Files.readString(Path.of("/proc", Long.toString(window.pid()), "maps"));
        assertFalse(maps.contains(archive.toAbsolutePath().toString()), "the damaged archive was mapped");
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
    }

    @Test
    void optedOutTheWindowStartsInTheFirstJvm() throws Exception {
        Process first = start("off", "-Dferry.windowArchive=off");
        assertEquals(List.of(), first.children().filter(p -> p.info().command().orElse("").endsWith("java")).toList());
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
    }
}
