package org.ferryftp.testsupport;

import org.ferryftp.fs.ConfigProperties;
import org.ferryftp.site.importer.FileZillaImporter;
import org.ferryftp.site.store.SiteExchange;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.transfer.journal.JournalLoad;
import org.ferryftp.transfer.journal.QueueJournal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads one of Ferry's input files the way Ferry does, in a JVM of its own with a small heap, and prints what it
 * got: {@code OK <count>} and {@code PROBLEM <message>}, or {@code REFUSED <message>} for a reader that throws.
 * An OutOfMemoryError ends the JVM with a non-zero status.
 */
public final class SmallHeapReader {

    /** What {@link #run} saw. */
    public record Outcome(int exitCode, String output) {
    }

    private SmallHeapReader() {
    }

    /** Runs {@code kind} over {@code file} in a child JVM with a heap of {@code heapMib}. */
    public static Outcome run(int heapMib, String kind, Path file) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m", "-cp", System.getProperty("java.class.path"), SmallHeapReader.class.getName(),
                kind, file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            return new Outcome(-1, output + " (timed out)");
        }
        return new Outcome(child.exitValue(), output);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "journal" -> {
                    JournalLoad load = QueueJournal.load(file, id -> Optional.empty());
                    report(load.items().size(), load.problem());
                }
                case "sites" -> {
                    SiteStore.Loaded loaded = new SiteStore(file, Clock.systemUTC()).load();
                    report(loaded.sites().size(), loaded.problem());
                }
                case "properties" -> {
                    ConfigProperties.Read read = new ConfigProperties(file, "the test settings", "test",
                            ConfigProperties.Check.ANY, Clock.systemUTC()).read();
                    report(read.entries().size(), read.problem());
                }
                case "site-export" -> report(SiteExchange.read(file).sites().size(), Optional.empty());
                case "filezilla" -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        report(new FileZillaImporter().read(in).sites().size(), Optional.empty());
                    }
                }
                default -> throw new IllegalArgumentException("unknown kind " + args[0]);
            }
        } catch (java.io.IOException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }

    private static void report(int count, Optional<String> problem) {
        System.out.println("OK " + count);
        System.out.println("PROBLEM " + problem.orElse("none"));
    }
}
