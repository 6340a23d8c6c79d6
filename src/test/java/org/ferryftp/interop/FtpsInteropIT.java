package org.ferryftp.interop;

import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TlsPolicy;
import org.ferryftp.session.TransferListener;
import org.ferryftp.ftp.UntrustedCertificateException;
import org.ferryftp.session.ListingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FTPS against real vsftpd with {@code require_ssl_reuse=YES}, {@code force_local_data_ssl=YES} and
 * {@code force_local_logins_ssl=YES} (started by .ci/vsftpd.sh): every data connection must resume
 * the control connection's TLS session, under TLS 1.2 and TLS 1.3.
 */
class FtpsInteropIT {

    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    FtpSession connect(VsftpdServer server, TlsPolicy tls, DataConnectionMode mode) throws Exception {
        SessionSettings settings = SessionSettings.of(server.host(), server.port(),
                Credentials.of(server.user(), server.password()))
                .withData(DataConnectionSettings.PASSIVE.withMode(mode)).withTls(tls);
        FtpSession s = new FtpSession(settings, "vsftpd-tls", log::add);
        s.connect();
        return s;
    }

    static TlsPolicy trusted(boolean implicit, String version) {
        return TlsPolicy.of(implicit ? TlsPolicy.Mode.IMPLICIT : TlsPolicy.Mode.EXPLICIT,
                CertificateTrust.fingerprints(List.of(VsftpdServer.tlsFingerprint()))).withProtocols(version);
    }

    @ParameterizedTest(name = "{0} implicit={1} {2}")
    @CsvSource({"TLSv1.3,false,PASSIVE", "TLSv1.2,false,PASSIVE", "TLSv1.3,true,PASSIVE", "TLSv1.2,true,PASSIVE",
            "TLSv1.3,false,ACTIVE", "TLSv1.2,false,ACTIVE"})
    void listGetPutWithSessionReuse(String version, boolean implicit, DataConnectionMode mode) throws Exception {
        VsftpdServer server = VsftpdServer.ftps(implicit);
        String dir = "tls-" + UUID.randomUUID();
        byte[] big = new byte[3_000_000];
        new Random(5).nextBytes(big);
        try (FtpSession s = connect(server, trusted(implicit, version), mode)) {
            assertTrue(s.isSecure());
            s.makeDirectory(dir);
            // Several uploads in a row: under TLS 1.3 each data connection spends a session ticket.
            for (int i = 0; i < 4; i++) {
                s.store(dir + "/f" + i + ".bin", new ByteArrayInputStream(big), 0, TransferListener.NONE);
            }
            for (int i = 0; i < 4; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                s.retrieve(dir + "/f" + i + ".bin", out, 0, TransferListener.NONE);
                assertArrayEquals(big, out.toByteArray(), "f" + i);
                assertArrayEquals(big, Files.readAllBytes(server.root().resolve(dir).resolve("f" + i + ".bin")));
            }
            ListingResult listing = s.list(dir);
            assertEquals(4, listing.entries().size());
            for (int i = 0; i < 4; i++) {
                s.delete(dir + "/f" + i + ".bin");
            }
            s.removeDirectory(dir);
        }
        assertTrue(log.stream().anyMatch(e -> e.text().equals("PROT P")));
        assertTrue(log.stream().noneMatch(e -> e.text().startsWith("522")), "session reuse refused");
    }

    @Test
    void untrustedCertificateFailsWithItsFingerprint() {
        VsftpdServer server = VsftpdServer.ftps(false);
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                () -> connect(server, TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, CertificateTrust.REJECT),
                        DataConnectionMode.PASSIVE));
        assertEquals(VsftpdServer.tlsFingerprint(), e.certificate().sha256());
        assertTrue(e.getMessage().contains(VsftpdServer.tlsFingerprint()), e.getMessage());
        assertTrue(log.stream().noneMatch(l -> l.text().startsWith("USER")), "no login before trust");
    }

    @Test
    void plainLoginIsRefusedByTheServerAndSaysSo() {
        VsftpdServer server = VsftpdServer.ftps(false);
        Exception e = assertThrows(Exception.class,
                () -> connect(server, TlsPolicy.NONE, DataConnectionMode.PASSIVE));
        assertTrue(e.getMessage().contains("530") || e.getMessage().toLowerCase().contains("encrypt"),
                e.getMessage());
    }
}
