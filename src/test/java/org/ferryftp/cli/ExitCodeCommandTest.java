package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exit codes a script can trust: 0 all done (or skipped because --on-conflict skip said so), 1 something
 * failed, 2 bad usage, 3 files skipped because their target exists and no --on-conflict was given.
 */
class ExitCodeCommandTest {

    private static final String OPTIONS = "--on-conflict overwrite|newer|size|resume|rename|skip";

    @TempDir
    Path root;
    @TempDir
    Path local;
    EmbeddedMinaServer server;
    String base;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
        base = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anExistingTargetUnaskedIsExit3NamingItAndTheOptions() throws Exception {
        server.write("a.txt", "new".getBytes());
        Path target = Files.writeString(local.resolve("a.txt"), "old");
        assertEquals(3, cli.ferry("get", base + "/a.txt", "-o", target.toString()), cli.err());
        assertEquals("ferry: 1 file skipped because the target exists: " + target
                + "; to choose what happens to existing targets, run again with " + OPTIONS, cli.err().strip());
        assertEquals("old", Files.readString(target));

        assertEquals(0, cli.ferry("get", "--on-conflict", "skip", base + "/a.txt", "-o", target.toString()), cli.err());
        assertEquals("old", Files.readString(target));
        Files.setLastModifiedTime(target, FileTime.from(Instant.now().plusSeconds(3600)));
        assertEquals(0, cli.ferry("get", "--on-conflict", "newer", base + "/a.txt", "-o", target.toString()), cli.err());
        assertEquals("old", Files.readString(target));
        assertEquals(0, cli.ferry("get", "--on-conflict", "overwrite", base + "/a.txt", "-o", target.toString()),
                cli.err());
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aTreeNamesTheFirstSkippedTargetsAndCountsTheRest() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.write("t/f" + i + ".txt", ("remote " + i).getBytes());
        }
        Path tree = Files.createDirectories(local.resolve("t"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(tree.resolve("f" + i + ".txt"), "local " + i);
        }
        assertEquals(3, cli.ferry("get", "-r", base + "/t", "-o", local.toString()), cli.err());
        assertEquals("ferry: 5 files skipped because the target exists: " + tree.resolve("f0.txt") + ", "
                + tree.resolve("f1.txt") + ", " + tree.resolve("f2.txt") + " and 2 more; to choose what happens to"
                + " existing targets, run again with " + OPTIONS, cli.err().strip());
        assertEquals("remote 5", Files.readString(tree.resolve("f5.txt")));
        assertEquals("local 0", Files.readString(tree.resolve("f0.txt")));
    }

    @Test
    void putAndFxpSkipsAreExit3Too(@TempDir Path other) throws Exception {
        server.write("in/p.txt", "remote".getBytes());
        Path p = Files.writeString(local.resolve("p.txt"), "local");
        assertEquals(3, cli.ferry("put", p.toString(), base + "/in/"), cli.err());
        assertTrue(cli.err().contains("1 file skipped because the target exists: in/p.txt"), cli.err());
        assertEquals(0, cli.ferry("put", "--on-conflict", "overwrite", p.toString(), base + "/in/"), cli.err());
        assertEquals("local", Files.readString(root.resolve("in/p.txt")));
        try (EmbeddedMinaServer second = new EmbeddedMinaServer(other)) {
            second.write("in/p.txt", "there".getBytes());
            String to = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:"
                    + second.port() + "/in/";
            assertEquals(3, cli.ferry("fxp", base + "/in/p.txt", to), cli.err());
            assertTrue(cli.err().contains("skipped because the target exists"), cli.err());
            assertEquals(0, cli.ferry("fxp", "--on-conflict", "skip", base + "/in/p.txt", to), cli.err());
            assertEquals("there", Files.readString(other.resolve("in/p.txt")));
        }
    }

    @Test
    void aFailureWinsOverSkipsAndBothAreReported() throws Exception {
        try (ScriptedFtpServer scripted = new ScriptedFtpServer()) {
            scripted.putFile("/t/bad.txt", "b".getBytes()).putFile("/t/old.txt", "o".getBytes())
                    .refuse("RETR", "t/bad.txt");
            Path tree = Files.createDirectories(local.resolve("t"));
            Files.writeString(tree.resolve("old.txt"), "kept");
            assertEquals(1, cli.ferry("get", "-r", "ftp://ferry:secret@127.0.0.1:" + scripted.port() + "/t",
                    "-o", local.toString()), cli.err());
            assertTrue(cli.err().contains("failed: t/bad.txt"), cli.err());
            assertTrue(cli.err().contains("1 file skipped because the target exists: " + tree.resolve("old.txt")),
                    cli.err());
            assertTrue(cli.err().strip().endsWith("ferry: 1 of 2 files failed"), cli.err());
        }
    }

    @Test
    void otherCommandsFailWith1AndMisuseWith2() {
        server.write("f.txt", "f".getBytes());
        assertEquals(1, cli.ferry("rm", base + "/nothing.txt"));
        assertEquals(1, cli.ferry("mv", base + "/nothing.txt", "other.txt"));
        assertEquals(1, cli.ferry("mkdir", base + "/f.txt/sub"));
        assertEquals(1, cli.ferry("ls", base + "/nothing"));
        assertEquals(2, cli.ferry("chmod", "9z9", base + "/f.txt"));
        assertTrue(cli.err().contains("permissions must be 3 or 4 octal digits"), cli.err());
        assertEquals(2, cli.ferry("mkdir", base + "/"));
        assertEquals(2, cli.ferry("rm", base + "/"));
        assertEquals(2, cli.ferry("mv", base + "/f.txt"));
        assertEquals(2, cli.ferry("get", "--on-conflict", "sometimes", base + "/f.txt"));
        assertFalse(Files.exists(local.resolve("f.txt")));
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertEquals(0, cli.ferry("--help"));
        assertTrue(cli.out().contains("3 files were skipped because the target exists and no --on-conflict was given"),
                cli.out());
        assertEquals(0, cli.ferry("get", "--help"));
        assertTrue(cli.out().contains("existing targets are skipped and the exit code is 3"), cli.out());
    }
}
