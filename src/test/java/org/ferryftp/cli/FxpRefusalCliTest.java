package org.ferryftp.cli;

import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry fxp} against a target that refuses FXP after STOR created the file (as vsftpd does). */
class FxpRefusalCliTest {

    final CliRun cli = new CliRun();

    @Test
    void aRefusedCopyExitsOneAndLeavesNothing_thenRelayAlwaysCopiesIt() throws Exception {
        byte[] data = new byte[250_000];
        new Random(13).nextBytes(data);
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.putFile("/r.bin", data);
            b.createsTargetOnStore().pasvReplyAddress("127.0.0.9");
            b.script("PORT", "500 Illegal PORT command.\r\n");
            String from = "ftp://ferry:secret@127.0.0.1:" + a.port() + "/r.bin";
            String to = "ftp://ferry:secret@127.0.0.1:" + b.port() + "/";
            assertEquals(1, cli.ferry("fxp", from, to), cli.err());
            assertTrue(cli.err().contains("500 Illegal PORT command."), cli.err());
            assertFalse(b.exists("/r.bin"), "no 0-byte target left behind");
            assertFalse(b.exists("/r.bin.ferry-part"));
            assertEquals(0, cli.ferry("fxp", "--relay", "always", from, to), cli.err());
            assertArrayEquals(data, b.file("/r.bin"));
            assertFalse(b.exists("/r.bin.ferry-part"));
        }
    }
}
