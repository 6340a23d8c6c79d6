package org.ferryftp.cli;

import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry ls} on a server whose LIST mixes formats: every entry read, unread lines on stderr, dates as given. */
class LsListingFormatsTest {

    @Test
    void listsEveryFormatAndReportsUnreadLinesOnStderr() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer()) {
            server.features("UTF8", "SIZE", "EPSV").systemName("UNIX Type: L8").mkdir("/d");
            server.setListing("/d", "LIST", List.of(
                    "total 3",
                    "-rw-r--r--    1 ftp      ftp          1234 Mar 01  2021 unix.txt",
                    "2002-09-02  19:06                9,730 dos file.txt",
                    "?? garbled \u001b[31m line",
                    "WYOSPT 3420   2003/05/21  1  200  FB      80  8053  PS  MVS.DATASET"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = FerryCommand.execute(new String[] {"ls", "ftp://ferry:secret@127.0.0.1:" + server.port() + "/d"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of());
            String listing = out.toString(StandardCharsets.UTF_8);
            String problems = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, problems);
            assertEquals(List.of(
                    "- rw-r--r--          1234 2021-03-01       unix.txt",
                    "- ?                  9730 2002-09-02 19:06 dos file.txt",
                    "- ?                     - 2003-05-21       MVS.DATASET"), listing.lines().toList());
            assertEquals("ferry: 1 listing line(s) could not be parsed:\n  ?? garbled \\x1b[31m line\n", problems);
        }
    }
}
