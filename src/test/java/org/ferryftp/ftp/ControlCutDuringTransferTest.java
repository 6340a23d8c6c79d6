package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control connection cut after each byte the client sends, in turn, during a login and a transfer: whatever
 * the byte, the session fails with an {@link FtpException} that says the connection broke (so the queue retries
 * on a new one), never with another exception. The cut-point sweep against vsftpd found an upload whose control
 * connection closed right at STOR failing with Commons Net's NullPointerException, as a failure not retried.
 */
class ControlCutDuringTransferTest {

    @TempDir
    Path root;

    private static final byte[] DATA = new byte[48 * 1024];

    static {
        new Random(7).nextBytes(DATA);
    }

    private interface Transfer {
        void run(FtpSession session, long cut) throws FtpException;
    }

    private static SessionSettings through(FaultProxy proxy) {
        return SessionSettings.of(proxy.host(), proxy.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD));
    }

    private static List<String> cutAtEveryByte(InetSocketAddress server, Transfer transfer) throws Exception {
        long total;
        try (FaultProxy proxy = FaultProxy.controlOnly(server, Fault.NONE);
             FtpSession session = new FtpSession(through(proxy), LogListener.NONE)) {
            session.connect();
            transfer.run(session, -1);
            total = proxy.connections().get(0).toServer();
        }
        assertTrue(total > 40, "bytes sent on the control connection: " + total);
        List<String> wrong = new ArrayList<>();
        for (long cut = 0; cut < total; cut++) {
            Fault fault = Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_SERVER, cut, cut % 2 == 1);
            try (FaultProxy proxy = FaultProxy.controlOnly(server, fault);
                 FtpSession session = new FtpSession(through(proxy), LogListener.NONE)) {
                session.connect();
                transfer.run(session, cut);
            } catch (FtpException e) {
                if (!e.isConnectionBroken()) {
                    wrong.add(fault + ": not a broken connection: " + e);
                }
            } catch (RuntimeException e) {
                wrong.add(fault + ": " + e);
            }
        }
        return wrong;
    }

    @Test
    void anUploadFailsAsABrokenConnectionWhereverItsControlConnectionIsCut() throws Exception {
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root)) {
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", mina.port());
            List<String> wrong = cutAtEveryByte(server, (session, cut) ->
                    session.upload("/up-" + cut + ".bin", new ByteArrayInputStream(DATA), 0, TransferListener.NONE));
            assertEquals(List.of(), wrong);
        }
    }

    @Test
    void aDownloadFailsAsABrokenConnectionWhereverItsControlConnectionIsCut() throws Exception {
        java.nio.file.Files.write(root.resolve("down.bin"), DATA);
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root)) {
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", mina.port());
            List<String> wrong = cutAtEveryByte(server, (session, cut) ->
                    session.download("/down.bin", new ByteArrayOutputStream(), 0, TransferListener.NONE));
            assertEquals(List.of(), wrong);
        }
    }
}
