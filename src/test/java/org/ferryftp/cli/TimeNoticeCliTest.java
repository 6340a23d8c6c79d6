package org.ferryftp.cli;

import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A server that can set no times: the uploads succeed, and the log says so once for the site, not once a file. */
class TimeNoticeCliTest {

    @TempDir
    Path tmp;

    @Test
    void saidOncePerSite() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(src.resolve("f" + i + ".txt"), "file " + i);
        }
        CliRun cli = new CliRun();
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(500, Files.createDirectories(tmp.resolve("srv")))) {
            server.mkdir("/up");
            assertEquals(0, cli.ferry("mirror", "--log", "--parallel", "2", src.toString(),
                    "ftp://ferry:secret@127.0.0.1:" + server.port() + "/up"), cli.err());
            assertEquals(4, server.names("/up").size(), server.names("/up").toString());
        }
        assertEquals(1, cli.err().lines().filter(l -> l.contains("cannot set modification times") && l.contains("Said once")).count(), cli.err());
    }
}
