package org.ferryftp.cli;

import org.ferryftp.testsupport.Rfc959Extension;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI against a server that speaks RFC 959 and nothing newer, and against servers that lack one extension
 * (or advertise it and refuse it) with each refusal code: every command works, and what arrives is byte-identical.
 */
class Rfc959CliTest {

    static final int[] REFUSALS = {500, 501, 502, 504};

    @TempDir
    Path local;
    final CliRun cli = new CliRun();

    static String url(ScriptedFtpServer server, String path) {
        return "ftp://ferry:secret@127.0.0.1:" + server.port() + path;
    }

    /** Representations whose wire form the scripted server keeps as sent: text that is its own wire form. */
    static Stream<Arguments> representations() {
        List<Arguments> all = new ArrayList<>();
        for (int code : REFUSALS) {
            all.add(Arguments.of(code, List.of("--type", "I")));
            all.add(Arguments.of(code, List.of("--type", "A", "--format", "N")));
            all.add(Arguments.of(code, List.of("--type", "E")));
            all.add(Arguments.of(code, List.of("--type", "I", "--structure", "R")));
            all.add(Arguments.of(code, List.of("--type", "I", "--structure", "F")));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("representations")
    void putThenGetIsByteIdenticalOnAnRfc959OnlyServer(int code, List<String> representation) throws Exception {
        byte[] content = content(representation);
        Path src = Files.write(local.resolve("up.asc"), content);
        Path back = local.resolve("back.asc");
        Path served = Files.createDirectories(local.resolve("served"));
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code, served)) {
            server.mkdir("/pub");
            assertEquals(0, cli.ferry(args(representation, "put", src.toString(), url(server, "/pub/"))), cli.err());
            assertEquals(0, cli.ferry(args(representation, "get", url(server, "/pub/up.asc"), "-o", back.toString())),
                    cli.err());
            assertTrue(server.exists("/pub/up.asc"), server.names("/pub").toString());
            assertFalse(server.exists("/pub/up.asc.ferry-part"));
            assertNoExtensionSent(server);
            assertArrayEquals(content, Files.readAllBytes(back));
            Path stored = served.resolve("pub/up.asc");
            if (representation.contains("A")) {
                assertArrayEquals(new String(content, StandardCharsets.US_ASCII).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(stored), "CRLF on the wire");
            } else if (representation.equals(List.of("--type", "I", "--structure", "F"))) {
                assertArrayEquals(content, Files.readAllBytes(stored));
            }
            // The same as a tree, both ways through the queue; the part copied ends at a line end (23 bytes a pair),
            // as a record file must.
            Path tree = Files.createDirectories(local.resolve("tree/inner")).getParent();
            Files.write(tree.resolve("one.asc"), content);
            Files.write(tree.resolve("inner/two.asc"), Arrays.copyOf(content, 23 * 1000));
            assertEquals(0, cli.ferry(args(representation, "put", "-r", tree.toString(), url(server, "/pub/"))),
                    cli.err());
            assertEquals(0, cli.ferry(args(representation, "get", "-r", url(server, "/pub/tree"), "-o",
                    local.resolve("treeback").toString())), cli.err());
            for (String name : List.of("one.asc", "inner/two.asc")) {
                assertArrayEquals(Files.readAllBytes(tree.resolve(name)),
                        Files.readAllBytes(local.resolve("treeback/tree/" + name)), name);
            }
        }
    }

    static Stream<Arguments> eachMissingExtension() {
        List<Arguments> all = new ArrayList<>();
        for (Rfc959Extension extension : List.of(Rfc959Extension.FEAT, Rfc959Extension.SIZE, Rfc959Extension.MDTM,
                Rfc959Extension.REST, Rfc959Extension.EPSV, Rfc959Extension.EPRT, Rfc959Extension.MLSD,
                Rfc959Extension.MLST, Rfc959Extension.UTF8, Rfc959Extension.PASV, Rfc959Extension.SYST)) {
            for (int code : REFUSALS) {
                all.add(Arguments.of(extension, code, false));
                all.add(Arguments.of(extension, code, true));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} refused with {1}, advertised: {2}")
    @MethodSource("eachMissingExtension")
    void everyCommandWorksWithoutOneExtension(Rfc959Extension extension, int code, boolean advertised)
            throws Exception {
        byte[] content = randomFile("up.bin", 200_000, code);
        Path src = local.resolve("up.bin");
        Path back = local.resolve("back.bin");
        try (ScriptedFtpServer server = new ScriptedFtpServer()) {
            if (advertised) {
                server.refusesAdvertised(extension, code);
            } else {
                server.lacks(extension, code);
            }
            server.mkdir("/pub");
            assertEquals(0, cli.ferry("put", src.toString(), url(server, "/pub/")), cli.err());
            assertArrayEquals(content, server.file("/pub/up.bin"));
            // Again onto the existing file: the conflict check must still work.
            assertEquals(0, cli.ferry("put", "--on-conflict", "overwrite", src.toString(), url(server, "/pub/")),
                    cli.err());
            assertEquals(0, cli.ferry("get", url(server, "/pub/up.bin"), "-o", back.toString()), cli.err());
            assertEquals(0, cli.ferry("ls", url(server, "/pub/")), cli.err());
            assertTrue(cli.out().contains("up.bin"), cli.out());
            assertEquals(0, cli.ferry("mkdir", url(server, "/pub/new/deeper")), cli.err());
            assertTrue(server.isDirectory("/pub/new/deeper"));
            assertEquals(0, cli.ferry("mv", url(server, "/pub/up.bin"), "/pub/new/moved.bin"), cli.err());
            assertArrayEquals(content, server.file("/pub/new/moved.bin"));
            assertEquals(0, cli.ferry("rm", "-r", url(server, "/pub/new")), cli.err());
            assertFalse(server.exists("/pub/new"));
        }
        assertArrayEquals(content, Files.readAllBytes(back));
    }

    static Stream<Arguments> restRefusals() {
        return Arrays.stream(REFUSALS).boxed().flatMap(code -> Stream.of(Arguments.of(code, false),
                Arguments.of(code, true)));
    }

    /** RFC 959-only (REST not in FEAT), or REST STREAM advertised and refused: REST is tried once, then over. */
    @ParameterizedTest(name = "{0}, advertised: {1}")
    @MethodSource("restRefusals")
    void resumeOnAServerWithoutRestSaysItCannotAndStartsOver(int code, boolean advertised) throws Exception {
        byte[] content = new byte[150_000];
        new Random(code).nextBytes(content);
        Path back = local.resolve("back.bin");
        Files.write(local.resolve("back.bin.ferry-part"), Arrays.copyOf(content, 50_000));
        try (ScriptedFtpServer server = advertised
                ? new ScriptedFtpServer().refusesAdvertised(Rfc959Extension.REST, code)
                : ScriptedFtpServer.rfc959Only(code)) {
            server.putFile("/pub/f.bin", content);
            assertEquals(0, cli.ferry("get", "--resume", url(server, "/pub/f.bin"), "-o", back.toString()), cli.err());
            assertTrue(cli.err().contains("the server cannot resume"), cli.err());
            assertEquals(1, server.commands().stream().filter(c -> c.startsWith("REST")).count(),
                    "REST is tried once: " + server.commands());
        }
        assertArrayEquals(content, Files.readAllBytes(back));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalCodes")
    void treesGoBothWaysThroughTheQueueAndConflictsAreDecidedByTheListing(int code) throws Exception {
        Files.createDirectories(local.resolve("tree/sub/deeper"));
        Path tree = local.resolve("tree");
        Random random = new Random(code);
        for (String name : List.of("tree/a.bin", "tree/sub/b.bin", "tree/sub/deeper/c.bin")) {
            byte[] bytes = new byte[random.nextInt(80_000) + 1];
            random.nextBytes(bytes);
            Files.write(local.resolve(name), bytes);
        }
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code)) {
            server.mkdir("/pub");
            assertEquals(0, cli.ferry("put", "-r", tree.toString(), url(server, "/pub/")), cli.err());
            assertArrayEquals(Files.readAllBytes(local.resolve("tree/sub/deeper/c.bin")),
                    server.file("/pub/tree/sub/deeper/c.bin"), server.names("/pub") + " " + server.names("/pub/tree"));
            // The same sizes, by the listing: "size" skips them all; a changed file is sent again.
            byte[] changed = "changed\n".getBytes(StandardCharsets.US_ASCII);
            Files.write(local.resolve("tree/a.bin"), changed);
            int before = server.commands().size();
            assertEquals(0, cli.ferry("put", "-r", "--on-conflict", "size", tree.toString(), url(server, "/pub/")),
                    cli.err());
            List<String> second = server.commands().subList(before, server.commands().size());
            assertEquals(1, second.stream().filter(c -> c.startsWith("STOR")).count(), second.toString());
            assertArrayEquals(changed, server.file("/pub/tree/a.bin"));
            assertEquals(0, cli.ferry("get", "-r", url(server, "/pub/tree"), "-o", local.resolve("back").toString()),
                    cli.err());
            assertNoExtensionSent(server);
        }
        for (String name : List.of("a.bin", "sub/b.bin", "sub/deeper/c.bin")) {
            assertArrayEquals(Files.readAllBytes(tree.resolve(name)), Files.readAllBytes(local.resolve("back/tree/" + name)),
                    name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalCodes")
    void withoutRenameTheUploadGoesStraightToItsName(int code) throws Exception {
        byte[] content = randomFile("up.bin", 120_000, code);
        Path src = local.resolve("up.bin");
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code)) {
            server.mkdir("/pub").script("RNFR", code + " RNFR not here\r\n");
            assertEquals(0, cli.ferry("put", src.toString(), url(server, "/pub/")), cli.err());
            assertEquals(0, cli.ferry("put", "--on-conflict", "overwrite", src.toString(), url(server, "/pub/")),
                    cli.err());
            assertArrayEquals(content, server.file("/pub/up.bin"));
            assertEquals(List.of("up.bin"), server.names("/pub"), "no temporary file left");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalCodes")
    void withNoWayToTellSizesTheUploadTrustsThe226AndSaysSo(int code) throws Exception {
        byte[] content = randomFile("up.bin", 120_000, code);
        Path src = local.resolve("up.bin");
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code)) {
            server.mkdir("/pub").script("LIST", code + " no LIST\r\n").script("NLST", code + " no NLST\r\n");
            assertEquals(0, cli.ferry("put", "--log", src.toString(), url(server, "/pub/")), cli.err());
            assertTrue(cli.err().contains("up.bin exists: the server has no SIZE"),
                    cli.err());
            assertTrue(cli.err().contains("ferry: not checked on the server, which reports no sizes; its 226 and the "
                    + content.length + " bytes sent are trusted"), cli.err());
            assertArrayEquals(content, server.file("/pub/up.bin"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalCodes")
    void aCutUploadWithoutRestOrAppeStartsOverAndSaysWhy(int code) throws Exception {
        byte[] content = randomFile("up.bin", 200_000, code);
        Path src = local.resolve("up.bin");
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code).lacks(Rfc959Extension.APPE, code)) {
            server.mkdir("/pub").cutUpload("/pub/up.bin.ferry-part", 60_000);
            assertEquals(0, cli.ferry("put", src.toString(), url(server, "/pub/")), cli.err());
            assertTrue(cli.err().contains("the server cannot resume"), cli.err());
            assertArrayEquals(content, server.file("/pub/up.bin"));
            assertEquals(List.of("up.bin"), server.names("/pub"));
        }
    }

    /** Writes {@code size} random bytes (seeded) to a local file and returns them. */
    private byte[] randomFile(String name, int size, long seed) throws java.io.IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        Files.write(local.resolve(name), content);
        return content;
    }

    static IntStream refusalCodes() {
        return Arrays.stream(REFUSALS);
    }

    private static void assertNoExtensionSent(ScriptedFtpServer server) {
        for (String line : server.commands()) {
            String verb = line.split(" ", 2)[0];
            assertFalse(List.of("SIZE", "MDTM", "MLSD", "MLST", "EPSV", "EPRT", "MFMT").contains(verb),
                    "sent " + line + " to a server without FEAT: " + server.commands());
        }
    }

    /** Random bytes for binary files; lines for text types and for record structure. */
    private static byte[] content(List<String> representation) {
        // Records are local lines (RFC 959 3.1.2): a record file is lines, the last one ended too.
        if (representation.contains("A") || representation.contains("E") || representation.contains("R")) {
            return "first line\nsecond line\n".repeat(5_000).getBytes(StandardCharsets.US_ASCII);
        }
        byte[] bytes = new byte[300_000];
        new Random(representation.hashCode()).nextBytes(bytes);
        return bytes;
    }

    private static String[] args(List<String> representation, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(1, representation);
        return all.toArray(String[]::new);
    }
}
