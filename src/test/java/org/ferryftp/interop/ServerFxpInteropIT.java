package org.ferryftp.interop;

import org.ferryftp.fs.Location;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FXP between every ordered pair of different real servers (vsftpd with pasv/port_promiscuous, ProFTPD with
 * AllowForeignAddress, Pure-FTPd with --allowuserfxp), driven by the transfer queue with relaying off: the file
 * goes server to server, byte-identical, and no byte of it passes through Ferry.
 */
class ServerFxpInteropIT {

    static final List<MatrixServer> FXP = List.of(MatrixServer.VSFTPD_FXP, MatrixServer.PROFTPD,
            MatrixServer.PUREFTPD);

    static Stream<Arguments> orderedPairs() {
        return FXP.stream().flatMap(from -> FXP.stream().filter(to -> to != from).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("orderedPairs")
    void directCopyIsByteIdentical(MatrixServer from, MatrixServer to) throws Exception {
        MatrixServer.Endpoint source = from.endpoint();
        MatrixServer.Endpoint target = to.endpoint();
        String name = "fxp-" + UUID.randomUUID() + ".bin";
        Path sourceFile = source.root().resolve(name);
        Path targetFile = target.root().resolve(name);
        byte[] data = new byte[4_000_000];
        new Random(name.hashCode()).nextBytes(data);
        Files.write(sourceFile, data);
        List<FtpSession> sessions = new CopyOnWriteArrayList<>();
        SessionFactory factory = site -> {
            FtpSession s = new FtpSession(site.settings(), LogListener.NONE);
            s.connect();
            sessions.add(s);
            return s;
        };
        try (TransferQueue q = TransferQueue.create(QueueSettings.DEFAULT.withRelay(RelayPolicy.NEVER)
                .withMaxAttempts(1), factory, ConflictPolicy.fixed(ConflictChoice.OVERWRITE))) {
            q.submit(List.of(new TransferRequest(Location.remote(source.site(), name), false,
                    Location.remote(target.site(), ""), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)), "FXP did not finish in 60 s");
            ItemSnapshot item = q.snapshot().get(0);
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertArrayEquals(data, Files.readAllBytes(targetFile), "byte-identical on " + to);
            assertEquals(0, sessions.stream().mapToLong(FtpSession::fileDataBytes).sum(), "no byte through Ferry");
        } finally {
            Files.deleteIfExists(sourceFile);
            Files.deleteIfExists(targetFile);
        }
    }
}
