package org.ferryftp.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real, small file system (tmpfs) for full-disk tests. Mounting needs root: CI runs as root and must be
 * able to (CI=true makes a failure to mount fail the test); elsewhere the test is skipped.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as mount(8) takes it, e.g. "4m") on {@code dir}, creating it. */
    public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String problem = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        if (problem != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("cannot mount a tmpfs for a full-disk test: " + problem);
            }
            assumeTrue(false, "cannot mount a tmpfs (needs root): " + problem);
        }
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Gives the file system a new size, keeping its files: "free space". */
    public void resize(String size) throws InterruptedException {
        String problem = run("mount", "-o", "remount,size=" + size, dir.toString());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    @Override
    public void close() throws InterruptedException {
        String problem = run("umount", dir.toString());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Runs a command; null when it worked, else what it said. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + said;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
