package org.ferryftp.cli;

import org.ferryftp.testsupport.FileWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code packaging/ferry} against the built jar: the first run records the classes it uses (a CDS
 * archive on JDK 17-24, an AOT cache assembled in the background on JDK 25+), later runs use the
 * record, and no run's output carries the JVM's remarks about it.
 */
class LauncherIT {

    private static final Pattern FEATURE = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run ferry(Path javaHome, String... args) throws IOException, InterruptedException {
        return run(Path.of("packaging/ferry"), javaHome, args);
    }

    private Run run(Path launcher, Path javaHome, String... args) throws IOException, InterruptedException {
        return runWithToolOptions(launcher, javaHome, null, args);
    }

    private Run runWithToolOptions(Path launcher, Path javaHome, String toolOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("FERRY_CONFIG_DIR", tmp.resolve("config").toString());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (toolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        }
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ferry did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<Path> archives() throws IOException {
        return archives("cli-version-jdk\\d+-.*\\.(jsa|aot)");
    }

    private List<Path> archives(String nameRegex) throws IOException {
        Path cache = tmp.resolve("cache/ferry");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().matches(nameRegex)).sorted().toList();
        }
    }

    private void recordsOnceThenUsesTheRecord(Path javaHome, String suffix) throws Exception {
        Run first = ferry(javaHome, "--version");
        assertEquals(0, first.exit(), first.err());
        assertEquals("Ferry 0.1.0\n", first.out());
        assertEquals("", first.err());
        // On JDK 25+ the AOT cache is assembled by a background process, and moved into place when whole.
        FileWatch.await(Files.createDirectories(tmp.resolve("cache/ferry")), () -> !archives().isEmpty(),
                Duration.ofSeconds(30));
        List<Path> made = archives();
        assertEquals(1, made.size(), "one archive: " + made);
        assertTrue(made.get(0).getFileName().toString().endsWith(suffix), made.toString());
        long size = Files.size(made.get(0));
        assertTrue(size > 100_000, "archive of " + size + " bytes");

        Run second = ferry(javaHome, "--version");
        assertEquals(0, second.exit(), second.err());
        assertEquals("Ferry 0.1.0\n", second.out());
        assertEquals("", second.err());
        assertEquals(made, archives(), "the second run used the archive instead of recording again");

        // A damaged archive is not fatal: the JVM runs without it.
        Files.write(made.get(0), new byte[]{1, 2, 3});
        Run damaged = ferry(javaHome, "--version");
        assertEquals(0, damaged.exit(), damaged.err());
        assertEquals("Ferry 0.1.0\n", damaged.out());
    }

    @Test
    void theRunningJdkGetsAClassDataArchive() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        int feature = Runtime.version().feature();
        recordsOnceThenUsesTheRecord(home, feature >= 25 ? ".aot" : ".jsa");
    }

    @Test
    void sftpCommandsGetAnArchiveOfTheirOwnBesideFtps() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        // Nothing listens on port 1: each run fails at connecting, having loaded its protocol's classes.
        Run ftp = ferry(home, "ls", "ftp://127.0.0.1:1/");
        Run sftp = ferry(home, "ls", "sftp://u:p@127.0.0.1:1/");
        assertTrue(ftp.exit() != 0 && sftp.exit() != 0, ftp + " " + sftp);
        FileWatch.await(Files.createDirectories(tmp.resolve("cache/ferry")),
                () -> archives("cli-ls-.*\\.(jsa|aot)").size() == 2, Duration.ofSeconds(30));
        List<Path> made = archives("cli-ls-.*\\.(jsa|aot)");
        assertTrue(made.get(0).getFileName().toString().startsWith("cli-ls-jdk"), made.toString());
        assertTrue(made.get(1).getFileName().toString().startsWith("cli-ls-sftp-jdk"), made.toString());
    }

    /** The highest tier the JIT may compile at in a run of the launcher with these arguments (the JVM's own word). */
    private int compilerTier(String... args) throws IOException, InterruptedException {
        Run run = runWithToolOptions(Path.of("packaging/ferry"), Path.of(System.getProperty("java.home")),
                "-XX:+PrintFlagsFinal", args);
        Matcher m = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)").matcher(run.out());
        assertTrue(m.find(), run.out());
        return Integer.parseInt(m.group(1));
    }

    /**
     * The quick tier alone suits short plain-FTP runs, but TLS's AES-GCM becomes the CPU's AES instructions only
     * in the optimizing compiler: without it an FTPS transfer was held to 22-32 MB/s of encryption.
     */
    @Test
    void tlsKeepsTheOptimizingCompiler() throws Exception {
        // Nothing listens on port 1: each run fails at connecting, after the JVM printed its flags.
        assertEquals(1, compilerTier("ls", "ftp://127.0.0.1:1/"));
        assertEquals(4, compilerTier("ls", "ftps://127.0.0.1:1/"));
        assertEquals(4, compilerTier("get", "ftpes://127.0.0.1:1/f", "-o", tmp.resolve("f").toString()));
        assertEquals(4, compilerTier("ls", "site:nosuchsite/"));
    }

    @Test
    void jdk25OrNewerGetsAnAotCache() throws Exception {
        Optional<Path> jdk = newestJdk(25);
        assumeTrue(jdk.isPresent(), "no JDK 25+ under /usr/lib/jvm");
        recordsOnceThenUsesTheRecord(jdk.get(), ".aot");
    }

    @Test
    void jdk25RecordsAnSftpRunWithoutTheJvmsRemarks() throws Exception {
        Optional<Path> jdk = newestJdk(25);
        assumeTrue(jdk.isPresent(), "no JDK 25+ under /usr/lib/jvm");
        // Recording MINA SSHD's run made the JVM list the classes it cannot cache ("[warning][aot] Skipping ...").
        Run sftp = ferry(jdk.get(), "ls", "sftp://u:p@127.0.0.1:1/");
        assertEquals("", sftp.out());
        assertTrue(sftp.err().startsWith("ferry: cannot connect to 127.0.0.1:1") && sftp.err().lines().count() == 1,
                sftp.err());
    }

    /**
     * Copied into an app image as bin/ferry-cli (what the .deb's /usr/bin/ferry runs), the launcher starts the
     * image's runtime with the class path, options and main class of lib/app/ferry-cli.cfg (jpackage's layout,
     * built here by hand around the jar) and keeps its class archives apart from a checkout's.
     */
    @Test
    void inAnAppImageItRunsWhatTheCfgNames() throws Exception {
        Path image = tmp.resolve("image");
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.copy(Path.of("packaging/ferry"), bin.resolve("ferry-cli"));
        Files.createSymbolicLink(image.resolve("lib/runtime"), Path.of(System.getProperty("java.home")));
        Files.copy(Path.of("target/ferry.jar"), app.resolve("ferry-app.jar"));
        Files.writeString(app.resolve("ferry-cli.cfg"), """
                [Application]
                app.classpath=$APPDIR/ferry-app.jar
                app.mainclass=org.ferryftp.app.Main

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=-XX:+UseSerialGC
                """);
        for (int i = 0; i < 2; i++) {
            Run version = run(bin.resolve("ferry-cli"), Path.of("/nonexistent"), "--version");
            assertEquals(0, version.exit(), version.err());
            assertEquals("Ferry 0.1.0\n", version.out());
            assertEquals("", version.err());
            FileWatch.await(Files.createDirectories(tmp.resolve("cache/ferry")),
                    () -> !archives("cli-version-pkg-jdk\\d+-.*\\.(jsa|aot)").isEmpty(), Duration.ofSeconds(30));
        }
        assertEquals(List.of(), archives(), "no archive under a checkout's name");
    }

    /** A JDK of at least {@code min} under /usr/lib/jvm (Debian's place for them), if there is one. */
    static Optional<Path> newestJdk(int min) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(jvms)) {
            return s.filter(p -> Files.isExecutable(p.resolve("bin/java")) && feature(p) >= min)
                    .max(java.util.Comparator.comparingInt(LauncherIT::feature));
        }
    }

    private static int feature(Path home) {
        try {
            Matcher m = FEATURE.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
