package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry mirror} against embedded MINA servers: up, down and server to server, twice, with changes between. */
class MirrorCommandTest {

    @TempDir
    Path tmp;
    Path local;
    Path root;
    EmbeddedMinaServer server;
    String base;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() throws IOException {
        local = Files.createDirectories(tmp.resolve("local"));
        root = Files.createDirectories(tmp.resolve("server"));
        server = new EmbeddedMinaServer(root);
        base = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** a.txt, d/b.txt, d/e/c.bin, an empty directory x and a file f, with times in the past. */
    static void tree(Path dir) throws IOException {
        write(dir.resolve("a.txt"), "alpha".getBytes(), "2024-01-02T03:04:05Z");
        write(dir.resolve("d/b.txt"), "bravo".getBytes(), "2024-01-03T03:04:05Z");
        byte[] c = new byte[300_000];
        new Random(3).nextBytes(c);
        write(dir.resolve("d/e/c.bin"), c, "2024-01-04T03:04:05Z");
        Files.createDirectories(dir.resolve("x"));
        write(dir.resolve("f"), "was a file".getBytes(), "2024-01-05T03:04:05Z");
    }

    static void write(Path file, byte[] data, String time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    /** Relative path → content (directories as "/"), and each file's time in seconds: diff -r plus times. */
    static TreeMap<String, String> contents(Path dir) throws IOException {
        TreeMap<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                String rel = dir.relativize(p).toString();
                all.put(rel, Files.isDirectory(p) ? "/" : Arrays.hashCode(Files.readAllBytes(p)) + " @"
                        + Files.getLastModifiedTime(p).toInstant().getEpochSecond());
            }
        }
        return all;
    }

    /** The local changes between two mirrors: new, changed, deleted, renamed, and a file that became a directory. */
    static void change(Path dir) throws IOException {
        write(dir.resolve("n.txt"), "new".getBytes(), "2024-02-01T00:00:01Z");
        write(dir.resolve("a.txt"), "alpha, longer".getBytes(), "2024-02-02T00:00:01Z");
        Files.delete(dir.resolve("d/b.txt"));
        Files.move(dir.resolve("d/e/c.bin"), dir.resolve("d/e/c2.bin"));
        Files.delete(dir.resolve("f"));
        write(dir.resolve("f/inside.txt"), "now a directory".getBytes(), "2024-02-03T00:00:01Z");
    }

    List<String> planLines(String src, String dst, String... more) {
        String[] args = Stream.concat(Stream.of("mirror", "--dry-run"), Stream.concat(Arrays.stream(more),
                Stream.of(src, dst))).toArray(String[]::new);
        assertEquals(0, cli.ferry(args), cli.err());
        return cli.out().lines().toList();
    }

    @Test
    void uploadMirrorTwiceWithChangesWithoutThenWithDelete() throws Exception {
        tree(local);
        String target = base + "/site";
        assertEquals(0, cli.ferry("mirror", local.toString(), target), cli.err());
        assertEquals(contents(local), contents(root.resolve("site")), "identical, times kept (MFMT)");

        // Nothing changed: the plan says so, file by file.
        List<String> again = planLines(local.toString(), target);
        assertEquals(4, again.size(), again.toString());
        assertTrue(again.stream().allMatch(l -> l.startsWith("skip") && l.endsWith("(unchanged)")), again.toString());

        change(local);
        assertEquals(List.of(
                "update  a.txt  (size differs: 5 → 13 bytes)",
                "skip    d/e/c2.bin  (missing at the target)".replace("skip   ", "copy   "),
                "skip    f/  (the target is a file; --delete replaces it)",
                "copy    n.txt  (missing at the target)"),
                planLines(local.toString(), target).stream().filter(l -> !l.endsWith("(unchanged)")).toList());
        assertEquals(0, cli.ferry("mirror", local.toString(), target), cli.err());
        Path site = root.resolve("site");
        assertTrue(Files.exists(site.resolve("d/b.txt")) && Files.exists(site.resolve("d/e/c.bin")),
                "without --delete nothing is deleted");
        assertTrue(Files.isRegularFile(site.resolve("f")), "nor replaced");
        assertEquals(Files.readString(local.resolve("a.txt")), Files.readString(site.resolve("a.txt")));

        assertEquals(0, cli.ferry("mirror", "--delete", local.toString(), target), cli.err());
        assertTrue(cli.err().contains("ferry: will delete at the target: d/b.txt"), cli.err());
        assertTrue(cli.err().contains("ferry: will delete at the target: d/e/c.bin"), cli.err());
        assertTrue(cli.err().contains("ferry: will delete at the target: f (the target is a file)"), cli.err());
        assertEquals(contents(local), contents(site), "after --delete the trees are the same");
        assertTrue(planLines(local.toString(), target, "--delete").stream().allMatch(l -> l.startsWith("skip")));
    }

    @Test
    void directoriesKeepTheirTimesBothWaysWhereTheServerSetsThem() throws Exception {
        tree(local);
        Files.setLastModifiedTime(local.resolve("d/e"), FileTime.from(Instant.parse("2023-05-06T07:08:09Z")));
        Files.setLastModifiedTime(local.resolve("d"), FileTime.from(Instant.parse("2023-04-05T06:07:08Z")));
        Files.setLastModifiedTime(local.resolve("x"), FileTime.from(Instant.parse("2023-03-04T05:06:07Z")));
        Path served = Files.createDirectories(tmp.resolve("scripted"));
        try (org.ferryftp.testsupport.ScriptedFtpServer scripted = new org.ferryftp.testsupport.ScriptedFtpServer(served)) {
            String url = "ftp://ferry:secret@127.0.0.1:" + scripted.port() + "/site";
            assertEquals(0, cli.ferry("mirror", local.toString(), url), cli.err());
            for (String dir : List.of("d", "d/e", "x")) {
                assertEquals(Files.getLastModifiedTime(local.resolve(dir)).toInstant(),
                        Files.getLastModifiedTime(served.resolve("site").resolve(dir)).toInstant(), dir + " (MFMT)");
            }
            // A file added to d on the server changes d's time there; the download mirror gives it back locally.
            Path d = served.resolve("site/d");
            write(d.resolve("added.txt"), "added".getBytes(), "2024-06-01T00:00:00Z");
            Files.setLastModifiedTime(d, FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
            assertEquals(0, cli.ferry("mirror", url, local.toString()), cli.err());
            assertEquals(Instant.parse("2024-06-01T00:00:00Z"), Files.getLastModifiedTime(local.resolve("d")).toInstant());
        }
    }

    @Test
    void aServerThatSetsOnlyFilesTimesSaysSoForDirectoriesAndKeepsFilesTimes() throws Exception {
        tree(local);
        // MINA answers MFMT on a directory with 501: directories are given up, files' times still set.
        Files.setLastModifiedTime(local.resolve("d"), FileTime.from(Instant.parse("2023-04-05T06:07:08Z")));
        assertEquals(0, cli.ferry("mirror", local.toString(), base + "/site"), cli.err());
        assertTrue(cli.err().contains("ferry: mirror: the target cannot set directories' times"), cli.err());
        write(local.resolve("d/later.txt"), "later".getBytes(), "2024-07-01T00:00:00Z");
        assertEquals(0, cli.ferry("mirror", local.toString(), base + "/site"), cli.err());
        assertEquals(contents(local), contents(root.resolve("site")), "files keep their times");
    }

    @Test
    void aDownloadMirrorAsksTheServerNothingItsListingTold() throws Exception {
        tree(root.resolve("pub"));
        Path into = tmp.resolve("copy");
        assertEquals(0, cli.ferry("mirror", "--log", base + "/pub", into.toString()), cli.err());
        assertEquals(contents(root.resolve("pub")), contents(into));
        List<String> asked = cli.err().lines().filter(l -> l.contains("→ SIZE") || l.contains("→ MDTM")).toList();
        assertEquals(List.of(), asked, "sizes and times come from the plan's listing, not a round trip per file");
    }

    @Test
    void downloadMirrorKeepsTimesAndDeletesOnlyWhenAsked() throws Exception {
        tree(root.resolve("pub"));
        Path into = tmp.resolve("copy");
        assertEquals(0, cli.ferry("mirror", base + "/pub", into.toString()), cli.err());
        assertEquals(contents(root.resolve("pub")), contents(into));
        Files.writeString(into.resolve("extra.txt"), "only here");
        change(root.resolve("pub"));
        assertEquals(0, cli.ferry("mirror", "--delete", base + "/pub", into.toString()), cli.err());
        assertEquals(contents(root.resolve("pub")), contents(into));
        assertFalse(Files.exists(into.resolve("extra.txt")));
    }

    @Test
    void serverToServerMirror() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        try (EmbeddedMinaServer second = new EmbeddedMinaServer(other)) {
            tree(root.resolve("pub"));
            String to = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:"
                    + second.port() + "/copy";
            assertEquals(0, cli.ferry("mirror", "--relay", "fallback", base + "/pub", to), cli.err());
            assertEquals(contents(root.resolve("pub")), contents(other.resolve("copy")), "identical, times kept");
            assertTrue(planLines(base + "/pub", to).stream().allMatch(l -> l.startsWith("skip")), "nothing to do");
            change(root.resolve("pub"));
            assertEquals(0, cli.ferry("mirror", "--delete", "--relay", "fallback", base + "/pub", to), cli.err());
            assertEquals(contents(root.resolve("pub")), contents(other.resolve("copy")));
            assertEquals(Files.readString(root.resolve("pub/a.txt")), Files.readString(other.resolve("copy/a.txt")));
        }
    }

    @Test
    void excludesNewerOnlyAndBadInput() throws Exception {
        tree(local);
        write(local.resolve("skip.tmp"), "temp".getBytes(), "2024-01-01T00:00:00Z");
        assertEquals(0, cli.ferry("mirror", "--exclude", "*.tmp", "--exclude", "d/e", local.toString(), base + "/s"),
                cli.err());
        assertFalse(Files.exists(root.resolve("s/skip.tmp")));
        assertFalse(Files.exists(root.resolve("s/d/e")));
        assertTrue(Files.exists(root.resolve("s/d/b.txt")));
        // A target newer than its source is kept with --newer-only, and updated without it.
        write(root.resolve("s/a.txt"), "ALPHA".getBytes(), "2030-01-01T00:00:00Z");
        assertTrue(planLines(local.toString(), base + "/s", "--newer-only", "--exclude", "*.tmp", "--exclude", "d/e")
                .contains("skip    a.txt  (the target is newer)"));
        assertTrue(planLines(local.toString(), base + "/s", "--exclude", "*.tmp", "--exclude", "d/e")
                .contains("update  a.txt  (the target is newer; --newer-only keeps it)"));

        assertEquals(2, cli.ferry("mirror", tmp.resolve("nope").toString(), base + "/s"));
        assertEquals("ferry: not a local directory: " + tmp.resolve("nope"), cli.err().strip());
        assertEquals(1, cli.ferry("mirror", base + "/nope", tmp.resolve("t").toString()));
        assertTrue(cli.err().strip().startsWith("ferry: no such directory: nope ("), cli.err());
        assertFalse(Files.exists(tmp.resolve("t")), "nothing created for a missing source");
    }

    @Test
    void withProgressItSaysHowMuchItHasListedAndNothingWithout() throws Exception {
        tree(local);
        assertEquals(0, cli.ferry("mirror", local.toString(), base + "/site"), cli.err());
        assertFalse(cli.err().contains("listed"), "not a terminal and no --progress: " + cli.err());
        // Root, d, d/e and x are listed on both sides now: 4 + 2 + 1 + 0 entries each.
        assertEquals(0, cli.ferry("mirror", "--progress", local.toString(), base + "/site"), cli.err());
        assertTrue(cli.err().contains("\rferry: mirror: listed 4 folders: 7 entries at the source, 7 at the target\n"),
                cli.err());
    }
}
