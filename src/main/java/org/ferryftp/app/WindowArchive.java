package org.ferryftp.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The window's class-data-sharing archive for {@code java -jar ferry.jar} (issue 18, cold start). The ~6,800
 * classes the window loads until it is usable are mapped from {@code ferry-window.jsa}, built beside the jar by
 * the Maven build from the committed class list ({@code src/main/cds/window.classlist}), instead of being read
 * from the jar and verified one by one: that is ~0.6 s of a 2.8 s start on a 2-core machine.
 * <p>
 * {@code java -jar} cannot name an archive itself, so the window is started again in a JVM that maps it: the
 * first JVM only waits for the second and passes on its exit status. That costs one small JVM start (~0.1 s)
 * and is done only when the archive was built by this same JDK for this same jar (its stamp says so): a stale
 * or foreign archive would be ignored by the JVM and the second start wasted. Nothing of this runs for the app
 * image and the .deb (their launchers name their own archive), nor when the command line has its own class
 * sharing or an agent (a debugger would be left attached to the waiting JVM), nor with
 * {@code -Dferry.windowArchive=off}.
 */
final class WindowArchive {

    /** Set to {@value #RELAUNCHED} on the JVM started with the archive; {@value #OFF} starts the window at once. */
    static final String PROPERTY = "ferry.windowArchive";
    static final String RELAUNCHED = "relaunched";
    static final String OFF = "off";
    /** Exit status of a JVM told to stop (128 + SIGTERM), as the window's JVM ends when the first one is gone. */
    static final int STOPPED = 143;

    /** JVM options with which the first JVM's own settings would be lost or overridden in the second. */
    private static final List<String> KEEPS_IT_HERE = List.of("-XX:SharedArchiveFile", "-Xshare",
            "-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList", "-XX:AOT", "-XX:+AutoCreateSharedArchive",
            "-agentlib", "-agentpath", "-javaagent", "-Xdebug", "-Xrunjdwp", "-XX:+StartAttachListener");

    private final Path archive;
    private final Path stamp;

    private WindowArchive(Path archive) {
        this.archive = archive;
        this.stamp = archive.resolveSibling(archive.getFileName() + ".stamp");
    }

    /** The archive for {@code ferry.jar}: {@code ferry-window.jsa} in the same folder. */
    static WindowArchive beside(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return new WindowArchive(jar.resolveSibling(name + "-window.jsa"));
    }

    Path archive() {
        return archive;
    }

    Path stamp() {
        return stamp;
    }

    /** What an archive is valid for: the jar's size and time, and the JVM that built it. */
    static String stampOf(Path jar, String javaHome, String vmVersion) throws IOException {
        BasicFileAttributes file = Files.readAttributes(jar, BasicFileAttributes.class);
        return "jar " + file.size() + " " + file.lastModifiedTime().toMillis() + "\n"
                + "java.home " + javaHome + "\n"
                + "java.vm.version " + vmVersion + "\n";
    }

    /**
     * The command that starts this window again with the archive, or empty when it should start in this JVM.
     *
     * @param jar        the jar this code runs from
     * @param java       the running JVM's executable
     * @param arguments  this JVM's command line after the executable (its options, {@code -jar JAR}, the app's)
     * @param property   this JVM's {@value #PROPERTY}, or null
     */
    Optional<List<String>> relaunchCommand(Path jar, String java, List<String> arguments, String property,
            String javaHome, String vmVersion) {
        if (property != null || !Files.isRegularFile(archive)) {
            return Optional.empty();
        }
        int jarOption = arguments.indexOf("-jar");
        if (jarOption < 0 || jarOption + 1 >= arguments.size() || !sameFile(jar, arguments.get(jarOption + 1))) {
            return Optional.empty();
        }
        for (String option : arguments.subList(0, jarOption)) {
            if (KEEPS_IT_HERE.stream().anyMatch(option::startsWith)) {
                return Optional.empty();
            }
        }
        try {
            if (!Files.readString(stamp, StandardCharsets.UTF_8).equals(stampOf(jar, javaHome, vmVersion))) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-XX:SharedArchiveFile=" + archive);
        // The archive's checksums are checked before it is mapped (~15 ms): a damaged one crashed the JVM.
        command.add("-XX:+VerifySharedSpaces");
        // A JVM that cannot map the archive after all starts without it, and says nothing.
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-D" + PROPERTY + "=" + RELAUNCHED);
        command.addAll(arguments);
        return Optional.of(command);
    }

    private static boolean sameFile(Path jar, String named) {
        try {
            return Files.isSameFile(jar, Path.of(named));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Starts the window in a JVM that maps the archive and waits for it: its exit status, or empty when the window
     * should start in this JVM (no usable archive, or the second JVM could not be started).
     */
    static OptionalInt relaunch() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            if (property.equals(RELAUNCHED)) {
                endWithTheFirstJvm();
            }
            return OptionalInt.empty();
        }
        Optional<Path> jar = codeSource();
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (jar.isEmpty() || self.command().isEmpty() || self.arguments().isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<List<String>> command = beside(jar.get()).relaunchCommand(jar.get(), self.command().get(),
                List.of(self.arguments().get()), null, System.getProperty("java.home"),
                System.getProperty("java.vm.version"));
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process window;
        try {
            window = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // Told to stop (SIGTERM, Ctrl+C), this JVM tells the window and waits for it to close in order.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (window.isAlive()) {
                window.destroy();
                try {
                    window.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "ferry-window-stop"));
        while (true) {
            try {
                return OptionalInt.of(window.waitFor());
            } catch (InterruptedException e) {
                // nothing interrupts this thread but a shutdown, which the hook handles
            }
        }
    }

    /**
     * In the window's JVM: when the first JVM is gone (killed with SIGKILL, which it cannot pass on), the window
     * ends as if it had been told to stop, rather than stay behind without the process its user knows.
     */
    private static void endWithTheFirstJvm() {
        ProcessHandle.current().parent().ifPresent(first -> first.onExit().thenRun(() -> System.exit(STOPPED)));
    }

    private static Optional<Path> codeSource() {
        try {
            Path path = Path.of(WindowArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Builds the archive beside the jar this runs from, for this JDK, from a class list recorded with
     * {@code -XX:DumpLoadedClassList}: {@code WindowArchive CLASSLIST}. Run by the Maven build after the jar is
     * made. A JDK that cannot build it leaves no archive and the window starts without one; the build goes on.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: java -cp ferry.jar org.ferryftp.app.WindowArchive CLASSLIST");
            System.exit(2);
        }
        Optional<Path> jar = codeSource();
        if (jar.isEmpty()) {
            System.err.println("window archive: not run from a jar; no archive built");
            return;
        }
        WindowArchive target = beside(jar.get());
        Files.deleteIfExists(target.stamp);
        Files.deleteIfExists(target.archive);
        String javaHome = System.getProperty("java.home");
        Path building = target.archive.resolveSibling(target.archive.getFileName() + ".building");
        Path log = Files.createTempFile("ferry-window-archive", ".log");
        try {
            // With checksums, which the window's JVM checks (VerifySharedSpaces).
            Process dump = new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(), "-Xshare:dump",
                    "-XX:+VerifySharedSpaces", "-XX:SharedClassListFile=" + Path.of(args[0]).toAbsolutePath(),
                    "-XX:SharedArchiveFile=" + building, "-cp", jar.get().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (dump.waitFor() != 0 || !Files.isRegularFile(building)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                System.err.println("window archive: not built (the window starts without it); the JVM said:");
                lines.subList(Math.max(0, lines.size() - 10), lines.size()).forEach(System.err::println);
                Files.deleteIfExists(building);
                return;
            }
        } finally {
            Files.deleteIfExists(log);
        }
        Files.move(building, target.archive, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(target.stamp, stampOf(jar.get(), javaHome, System.getProperty("java.vm.version")),
                StandardCharsets.UTF_8);
        System.out.println("window archive: " + target.archive + " (" + Files.size(target.archive) / (1024 * 1024)
                + " MiB)");
    }
}
