package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote directory that does not exist fails every command with exit 1 and "no such directory: PATH (550 …)",
 * against a server that answers LIST of it like vsftpd (150, then 226 "failed to open directory") and against
 * MINA. Also: {@code get -r} of a file downloads it, and {@code get -r ftp://host/} mirrors the login directory.
 */
class MissingDirectoryCommandTest {

    private static final String VSFTPD_SAYS = "no such directory: missing (550 Failed to change directory.)";

    @TempDir
    Path local;
    ScriptedFtpServer server;
    String base;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedFtpServer().listMissingLikeVsftpd()
                .features("EPRT", "EPSV", "MDTM", "PASV", "REST STREAM", "SIZE", "TVFS", "UTF8");
        server.mkdir("/empty").putFile("/dir/a.txt", "a".getBytes()).putFile("/top.txt", "top".getBytes());
        base = "ftp://ferry:secret@127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void assertFailsWith(String message, String... args) {
        assertEquals(1, cli.ferry(args), cli.err());
        assertEquals("ferry: " + message, cli.err().strip());
    }

    @Test
    void lsOfAMissingDirectoryFails() {
        assertFailsWith(VSFTPD_SAYS, "ls", base + "/missing");
        assertEquals("", cli.out());
        assertFailsWith(VSFTPD_SAYS, "ls", "--names", base + "/missing");
        assertEquals(0, cli.ferry("ls", base + "/empty"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void getRecursiveOfAMissingDirectoryCreatesNothing() throws Exception {
        Path down = local.resolve("down");
        assertFailsWith(VSFTPD_SAYS, "get", "-r", base + "/missing", "-o", down.toString());
        assertFalse(Files.exists(down), "no local folder for a directory that does not exist");
        Files.createDirectories(down);
        assertFailsWith(VSFTPD_SAYS, "get", "-r", base + "/missing", "-o", down.toString());
        assertFalse(Files.exists(down.resolve("missing")));
        assertEquals(0, cli.ferry("get", "-r", base + "/empty", "-o", down.toString()), cli.err());
        assertTrue(Files.isDirectory(down.resolve("empty")));
    }

    @Test
    void rmRecursiveOfAMissingDirectoryFails() {
        assertFailsWith(VSFTPD_SAYS, "rm", "-r", base + "/missing");
        assertEquals(0, cli.ferry("rm", "-r", base + "/top.txt"), cli.err());
        assertFalse(server.exists("/top.txt"));
    }

    @Test
    void putIntoAMissingDirectoryFailsAndCreatesNothing() throws Exception {
        Path file = Files.writeString(local.resolve("f.txt"), "data");
        Path tree = Files.createDirectories(local.resolve("tree"));
        Files.writeString(tree.resolve("x.txt"), "x");
        assertFailsWith(VSFTPD_SAYS, "put", file.toString(), base + "/missing/");
        assertFailsWith(VSFTPD_SAYS, "put", file.toString(), base + "/missing/renamed.txt");
        assertFailsWith(VSFTPD_SAYS, "put", "-r", tree.toString(), base + "/missing");
        assertFalse(server.exists("/missing"));
        // A URL naming an existing directory without the trailing slash puts the file into it, as cp does.
        assertEquals(0, cli.ferry("put", file.toString(), base + "/dir"), cli.err());
        assertArrayEquals("data".getBytes(), server.file("/dir/f.txt"));
    }

    @Test
    void getRecursiveOfAFileDownloadsThatFile() throws Exception {
        assertEquals(0, cli.ferry("get", "-r", base + "/dir/a.txt", "-o", local.toString()), cli.err());
        assertTrue(Files.isRegularFile(local.resolve("a.txt")), "a file, not a directory named after it");
        assertEquals("a", Files.readString(local.resolve("a.txt")));
        assertEquals(0, cli.ferry("get", "-r", base + "/top.txt", "-o", local.resolve("renamed.txt").toString()),
                cli.err());
        assertEquals("top", Files.readString(local.resolve("renamed.txt")));
    }

    @Test
    void getRecursiveOfTheLoginDirectoryMirrorsIt() throws Exception {
        Path mirror = local.resolve("mirror");
        assertEquals(0, cli.ferry("get", "-r", "--parallel", "1", base + "/", "-o", mirror.toString()), cli.err());
        assertEquals(1, server.connectionCount(), "the session that checked the path runs the queue: one login");
        assertEquals("top", Files.readString(mirror.resolve("top.txt")));
        assertEquals("a", Files.readString(mirror.resolve("dir/a.txt")));
        assertTrue(Files.isDirectory(mirror.resolve("empty")));
    }

    @Test
    void againstMina(@TempDir Path root) throws Exception {
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root)) {
            mina.write("dir/a.txt", "a".getBytes());
            String url = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:"
                    + mina.port();
            for (String[] args : new String[][] {{"ls", url + "/missing"},
                    {"get", "-r", url + "/missing", "-o", local.resolve("m").toString()}, {"rm", "-r", url + "/missing"},
                    {"put", Files.writeString(local.resolve("p.txt"), "p").toString(), url + "/missing/"}}) {
                assertEquals(1, cli.ferry(args), cli.err());
                assertTrue(cli.err().startsWith("ferry: no such directory: missing (5"), cli.err());
            }
            assertFalse(Files.exists(local.resolve("m")));
            assertFalse(Files.exists(root.resolve("missing")));
            assertEquals(0, cli.ferry("get", "-r", url + "/dir/a.txt", "-o", local.resolve("got").toString()), cli.err());
            assertEquals("a", Files.readString(local.resolve("got")));
        }
    }
}
