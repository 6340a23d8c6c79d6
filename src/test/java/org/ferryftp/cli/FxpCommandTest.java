package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FxpCommandTest {

    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void copiesServerToServer() throws Exception {
        try (EmbeddedMinaServer sa = new EmbeddedMinaServer(a); EmbeddedMinaServer sb = new EmbeddedMinaServer(b)) {
            sa.write("docs/one.txt", "first".getBytes());
            sa.write("docs/sub/two.txt", "second".getBytes());
            String auth = EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:";
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = FerryCommand.execute(new String[] {"fxp", "-r", "ftp://" + auth + sa.port() + "/docs",
                    "ftp://" + auth + sb.port() + "/backup/"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertEquals("first", Files.readString(b.resolve("backup/docs/one.txt")));
            assertEquals("second", Files.readString(b.resolve("backup/docs/sub/two.txt")));
        }
    }
}
