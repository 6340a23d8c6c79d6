package org.ferryftp.ftp;

import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's Transfer → Transfer type: read at each transfer, so a switch applies to the next one on the same session. */
class TypeOverrideTest {

    @Test
    void eachTransferUsesTheTypeChosenNowOverTheSitesOwn() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer()) {
            server.putFile("/notes.txt", "line one\r\nline two\r\n".getBytes(StandardCharsets.US_ASCII));
            AtomicReference<TypeOverride> chosen = new AtomicReference<>(TypeOverride.AUTO);
            // The site says binary; the choice in the menu wins while it is not Auto.
            try (FtpSession s = new FtpSession(server.sessionSettings(), "typed", LogListener.NONE, chosen::get)) {
                s.connect();
                assertArrayEquals("line one\r\nline two\r\n".getBytes(StandardCharsets.US_ASCII),
                        MinaSessionTest.download(s, "/notes.txt"));
                chosen.set(TypeOverride.ASCII);
                assertEquals("line one" + System.lineSeparator() + "line two" + System.lineSeparator(),
                        new String(MinaSessionTest.download(s, "/notes.txt"), StandardCharsets.US_ASCII));
                chosen.set(TypeOverride.BINARY);
                MinaSessionTest.download(s, "/notes.txt");
            }
            List<String> types = server.commands().stream().filter(c -> c.startsWith("TYPE")).toList();
            assertEquals(List.of("TYPE I", "TYPE A N", "TYPE I"), types.subList(types.size() - 3, types.size()),
                    server.commands().toString());
        }
    }
}
