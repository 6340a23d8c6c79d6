package org.ferryftp.interop;

import org.apache.commons.io.file.PathUtils;
import org.ferryftp.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21's whole mirror scenario against the CI's real vsftpd, up, down and from one vsftpd to another: a first
 * mirror, then changes at the source (new, changed, deleted, renamed, a file that became a directory) and at the
 * target (an extra file, a file edited there), a second mirror without {@code --delete} (nothing at the target is
 * deleted or replaced), then one with it; the trees are compared with the real {@code diff -r} and files' times.
 * <p>
 * Times: vsftpd lists with LIST only (no MLSD), which gives minutes for files of the last six months and days for
 * older ones; it sets a file's time with {@code MDTM time path} to the second and sets no directory's time. So
 * files' times are compared to the second, and directories' not at all.
 */
class MirrorScenarioInteropIT {

    /** A recent time (LIST shows minutes for it), whole seconds, not on a minute: the seconds must survive. */
    static final Instant RECENT = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)
            .plusSeconds(17);

    @TempDir
    Path tmp;
    VsftpdServer server;
    final List<Path> serverDirs = new ArrayList<>();
    final CliRun cli = new CliRun();

    @BeforeEach
    void server() {
        server = VsftpdServer.fromEnvironment();
    }

    @AfterEach
    void clean() throws IOException {
        for (Path dir : serverDirs) {
            if (Files.exists(dir)) {
                PathUtils.deleteDirectory(dir);
            }
        }
    }

    /** A fresh directory name under a server root, removed after the test. */
    Path serverDir(Path root, String what) {
        Path dir = root.resolve("wt-mirrorit-" + what + "-" + UUID.randomUUID());
        serverDirs.add(dir);
        return dir;
    }

    String url(String hostPort, Path root, Path dir) {
        return "ftp://" + server.user() + ":" + server.password() + "@" + hostPort + "/" + root.relativize(dir);
    }

    /** a.txt, d/b.txt, d/e/c.bin, an empty directory x, a file f, t.txt, a recent r.txt and s.txt. */
    static void tree(Path dir) throws IOException {
        write(dir.resolve("a.txt"), "alpha".getBytes(StandardCharsets.UTF_8), Instant.parse("2024-01-02T03:04:05Z"));
        write(dir.resolve("d/b.txt"), "bravo".getBytes(StandardCharsets.UTF_8), Instant.parse("2024-01-03T03:04:05Z"));
        byte[] c = new byte[300_000];
        new Random(21).nextBytes(c);
        write(dir.resolve("d/e/c.bin"), c, Instant.parse("2025-11-04T13:14:15Z"));
        Files.createDirectories(dir.resolve("x"));
        write(dir.resolve("f"), "was a file".getBytes(StandardCharsets.UTF_8), Instant.parse("2024-01-05T03:04:05Z"));
        write(dir.resolve("t.txt"), "edited at the target".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-01-06T03:04:05Z"));
        write(dir.resolve("r.txt"), "recent".getBytes(StandardCharsets.UTF_8), RECENT);
        write(dir.resolve("s.txt"), "same size, first".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-01-07T03:04:05Z"));
    }

    /** At the source: new, changed (in size, or in time only), deleted, renamed, a file that became a directory. */
    static void changeSource(Path dir) throws IOException {
        write(dir.resolve("n.txt"), "new".getBytes(StandardCharsets.UTF_8), Instant.parse("2024-02-01T00:00:01Z"));
        write(dir.resolve("a.txt"), "alpha, longer".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-02-02T00:00:01Z"));
        // Changed with its size kept: only the time tells (LIST gives the target's to the minute for a recent file).
        write(dir.resolve("s.txt"), "same size, later".getBytes(StandardCharsets.UTF_8), RECENT.plusSeconds(180));
        Files.delete(dir.resolve("d/b.txt"));
        Files.move(dir.resolve("d/e/c.bin"), dir.resolve("d/e/c2.bin"));
        Files.delete(dir.resolve("f"));
        write(dir.resolve("f/inside.txt"), "now a directory".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-02-03T00:00:01Z"));
    }

    /** At the target: a file only there, and a file edited there (newer, another size). */
    static void changeTarget(Path dir) throws IOException {
        write(dir.resolve("d/extra.txt"), "only at the target".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-03-01T00:00:00Z"));
        write(dir.resolve("t.txt"), "edited at the target, later".getBytes(StandardCharsets.UTF_8), RECENT);
    }

    static void write(Path file, byte[] data, Instant time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    /** What the test wrote into a server's root becomes the FTP user's, as if uploaded, so the server may change it. */
    static void ownedByServer(Path root, Path dir) throws IOException {
        UserPrincipal ftpUser = Files.getOwner(root);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setOwner(p, ftpUser);
            }
        }
    }

    /** The real {@code diff -r}: exit 0, nothing printed. */
    static void assertSameTrees(Path a, Path b) throws Exception {
        Process diff = new ProcessBuilder("diff", "-r", a.toString(), b.toString()).redirectErrorStream(true).start();
        String out = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, diff.waitFor(), "diff -r " + a + " " + b + ":\n" + out);
        assertEquals("", out);
    }

    /** Each file's modification time to the second, by relative path. */
    static TreeMap<String, Instant> fileTimes(Path dir) throws IOException {
        TreeMap<String, Instant> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                times.put(dir.relativize(p).toString(),
                        Files.getLastModifiedTime(p).toInstant().truncatedTo(ChronoUnit.SECONDS));
            }
        }
        return times;
    }

    List<String> changesPlanned(String src, String dst, String... more) {
        List<String> args = new ArrayList<>(List.of("mirror", "--dry-run"));
        args.addAll(List.of(more));
        args.addAll(List.of(src, dst));
        assertEquals(0, cli.ferry(args.toArray(String[]::new)), cli.err());
        return cli.out().lines().filter(l -> !l.startsWith("skip")).toList();
    }

    /**
     * The second mirror without --delete: what is only at the target (d/b.txt, d/e/c.bin, d/extra.txt) stays, f
     * stays a file, and what the source changed or added arrives (s.txt by its time alone), t.txt edited at the
     * target included (its size differs).
     */
    static void assertSecondMirrorWithoutDelete(Path src, Path dst) throws IOException {
        for (String kept : List.of("d/b.txt", "d/e/c.bin", "d/extra.txt")) {
            assertTrue(Files.isRegularFile(dst.resolve(kept)), kept + " is kept without --delete");
        }
        assertTrue(Files.isRegularFile(dst.resolve("f")), "f is not replaced by a directory without --delete");
        for (String sent : List.of("a.txt", "s.txt", "n.txt", "d/e/c2.bin", "t.txt", "r.txt")) {
            assertEquals(-1, Files.mismatch(src.resolve(sent), dst.resolve(sent)), sent);
            assertEquals(Files.getLastModifiedTime(src.resolve(sent)).toInstant(),
                    Files.getLastModifiedTime(dst.resolve(sent)).toInstant(), sent + "'s time");
        }
    }

    @Test
    void uploadMirrorWithChangesOnBothSides() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = serverDir(server.root(), "up");
        String target = url(server.host() + ":" + server.port(), server.root(), dst);
        tree(src);
        assertEquals(0, cli.ferry("mirror", src.toString(), target), cli.err());
        assertTrue(cli.err().contains("ferry: mirror: the target cannot set directories' times"), cli.err());
        assertSameTrees(src, dst);
        assertEquals(fileTimes(src), fileTimes(dst), "MDTM time path set every file's time to the second");
        assertEquals(List.of(), changesPlanned(src.toString(), target), "nothing to do after the first mirror");

        changeSource(src);
        changeTarget(dst);
        ownedByServer(server.root(), dst);
        assertEquals(List.of(
                "update  a.txt  (size differs: 5 → 13 bytes)",
                "copy    d/e/c2.bin  (missing at the target)",
                "copy    n.txt  (missing at the target)",
                "update  s.txt  (the source is newer)",
                "update  t.txt  (size differs: 27 → 20 bytes)"), changesPlanned(src.toString(), target));
        assertEquals(0, cli.ferry("mirror", src.toString(), target), cli.err());
        assertSecondMirrorWithoutDelete(src, dst);

        assertEquals(0, cli.ferry("mirror", "--delete", src.toString(), target), cli.err());
        for (String gone : List.of("d/b.txt", "d/e/c.bin", "d/extra.txt", "f (the target is a file)")) {
            assertTrue(cli.err().contains("ferry: will delete at the target: " + gone), cli.err());
        }
        assertSameTrees(src, dst);
        assertEquals(fileTimes(src), fileTimes(dst));
        assertEquals(List.of(), changesPlanned(src.toString(), target, "--delete"));
    }

    @Test
    void downloadMirrorWithChangesOnBothSides() throws Exception {
        Path src = serverDir(server.root(), "down");
        Path dst = tmp.resolve("copy");
        String source = url(server.host() + ":" + server.port(), server.root(), src);
        tree(src);
        ownedByServer(server.root(), src);
        assertEquals(0, cli.ferry("mirror", source, dst.toString()), cli.err());
        assertSameTrees(src, dst);
        assertEquals(fileTimes(src), fileTimes(dst), "downloads keep the server's time to the second");
        assertEquals(List.of(), changesPlanned(source, dst.toString()), "nothing to do after the first mirror");

        changeSource(src);
        ownedByServer(server.root(), src);
        changeTarget(dst);
        assertEquals(0, cli.ferry("mirror", source, dst.toString()), cli.err());
        assertSecondMirrorWithoutDelete(src, dst);

        assertEquals(0, cli.ferry("mirror", "--delete", source, dst.toString()), cli.err());
        assertFalse(Files.exists(dst.resolve("d/extra.txt")));
        assertSameTrees(src, dst);
        assertEquals(fileTimes(src), fileTimes(dst));
        assertEquals(List.of(), changesPlanned(source, dst.toString(), "--delete"));
    }

    @Test
    void serverToServerMirrorBetweenTheFxpPair() throws Exception {
        String a = System.getenv("FERRY_VSFTPD_FXP_A");
        String b = System.getenv("FERRY_VSFTPD_FXP_B");
        assertTrue(a != null && b != null, "FXP vsftpd instances not configured: rerun .ci/vsftpd.sh");
        Path rootA = Path.of(System.getenv("FERRY_VSFTPD_FXP_A_ROOT"));
        Path rootB = Path.of(System.getenv("FERRY_VSFTPD_FXP_B_ROOT"));
        Path src = serverDir(rootA, "fxp-src");
        Path dst = serverDir(rootB, "fxp-dst");
        String from = url(a, rootA, src);
        String to = url(b, rootB, dst);
        tree(src);
        ownedByServer(rootA, src);
        assertEquals(0, cli.ferry("mirror", "--log", "--relay", "fallback", from, to), cli.err());
        assertTrue(cli.err().contains("→ PORT 127,0,0,"), "server to server (FXP), not relayed: " + cli.err());
        assertSameTrees(src, dst);
        assertEquals(fileTimes(src), fileTimes(dst), "MDTM time path at B set A's times");
        assertEquals(List.of(), changesPlanned(from, to), "nothing to do after the first mirror");

        changeSource(src);
        ownedByServer(rootA, src);
        changeTarget(dst);
        ownedByServer(rootB, dst);
        assertEquals(0, cli.ferry("mirror", "--relay", "fallback", from, to), cli.err());
        assertSecondMirrorWithoutDelete(src, dst);

        assertEquals(0, cli.ferry("mirror", "--delete", "--relay", "fallback", from, to), cli.err());
        assertSameTrees(src, dst);
        assertEquals(fileTimes(src), fileTimes(dst));
        assertEquals(List.of(), changesPlanned(from, to, "--delete"));
    }
}
