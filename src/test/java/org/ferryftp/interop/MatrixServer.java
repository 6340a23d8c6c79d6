package org.ferryftp.interop;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TlsPolicy;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real servers of the interop matrix: vsftpd (.ci/vsftpd.sh), ProFTPD and Pure-FTPd (.ci/servers.sh), each
 * plain and with explicit FTPS required, plus the instances that allow FXP. With FERRY_INTEROP=required (as in
 * CI) a server that is not configured or not reachable fails the test; without it the test is skipped.
 */
enum MatrixServer {
    VSFTPD("vsftpd", "FERRY_VSFTPD", false, Quirks.VSFTPD),
    VSFTPD_FTPS("vsftpd FTPS", "FERRY_VSFTPD_FTPS", true, Quirks.VSFTPD),
    /** The vsftpd instance with pasv/port_promiscuous, for FXP. */
    VSFTPD_FXP("vsftpd FXP", "FERRY_VSFTPD_FXP_A", false, Quirks.VSFTPD),
    PROFTPD("ProFTPD", "FERRY_PROFTPD", false, Quirks.PROFTPD),
    PROFTPD_FTPS("ProFTPD FTPS", "FERRY_PROFTPD_FTPS", true, Quirks.PROFTPD),
    PUREFTPD("Pure-FTPd", "FERRY_PUREFTPD", false, Quirks.PUREFTPD),
    PUREFTPD_FTPS("Pure-FTPd FTPS", "FERRY_PUREFTPD_FTPS", true, Quirks.PUREFTPD),
    /**
     * Ferry's scripted server speaking RFC 959 and nothing newer (no FEAT, SIZE, MDTM, REST, EPSV, EPRT, MLSD,
     * OPTS UTF8, SITE; every one answered 500), serving a directory of its own; it runs in-process, so it needs
     * no set-up and is always there.
     */
    RFC959("RFC 959 only", null, false, Quirks.RFC959);

    /** What a server answers differently; see src/docs/servers.md. */
    enum Quirks {
        VSFTPD(false, null),
        /** Also: sizes only from LIST, no resuming, no SITE CHMOD, names in UTF-8 without OPTS UTF8. */
        RFC959(false, null),
        PROFTPD(true, "HASH"),
        PUREFTPD(true, null);

        final boolean machineListing;
        /** The checksum command Ferry picks from FEAT, or null. */
        final String checksumCommand;

        Quirks(boolean machineListing, String checksumCommand) {
            this.machineListing = machineListing;
            this.checksumCommand = checksumCommand;
        }
    }

    final String label;
    final String variable;
    final boolean tls;
    final Quirks quirks;

    MatrixServer(String label, String variable, boolean tls, Quirks quirks) {
        this.label = label;
        this.variable = variable;
        this.tls = tls;
        this.quirks = quirks;
    }

    @Override
    public String toString() {
        return label;
    }

    /** A reachable instance, or the test fails (FERRY_INTEROP=required) or is skipped. */
    Endpoint endpoint() {
        if (this == RFC959) {
            return InProcessRfc959.ENDPOINT;
        }
        boolean vsftpd = quirks == Quirks.VSFTPD;
        String address = this == VSFTPD ? joined(env("FERRY_VSFTPD_HOST"), env("FERRY_VSFTPD_PORT")) : env(variable);
        String root = env(this == VSFTPD ? "FERRY_VSFTPD_ROOT" : variable + "_ROOT");
        String prefix = vsftpd ? "FERRY_VSFTPD_" : "FERRY_SERVERS_";
        String user = env(prefix + "USER");
        String password = env(prefix + "PASSWORD");
        String fingerprint = env(prefix + "TLS_FINGERPRINT");
        String script = vsftpd ? ".ci/vsftpd.sh" : ".ci/servers.sh";
        if (address == null || root == null || user == null || password == null || (tls && fingerprint == null)) {
            unavailable(label + " is not configured (" + variable + " and its companions are unset): run " + script
                    + " and source its env file");
        }
        int colon = address.lastIndexOf(':');
        Endpoint e = new Endpoint(this, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                user, password, Path.of(root), tls ? fingerprint : null);
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(e.host(), e.port()), 3000);
        } catch (IOException ex) {
            unavailable(label + " at " + address + " is not reachable (" + ex.getMessage() + "): run " + script);
        }
        Assertions.assertTrue(Files.isDirectory(e.root()), label + ": FTP root " + root + " is not a directory here");
        return e;
    }

    /** Started once, on first use, for the rest of the test run (its threads are daemons). */
    private static final class InProcessRfc959 {
        static final Endpoint ENDPOINT = start();

        private static Endpoint start() {
            try {
                Path root = Files.createTempDirectory("ferry-rfc959-matrix");
                ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(500, root);
                return new Endpoint(RFC959, "127.0.0.1", server.port(), "ferry", "secret", root, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot start the in-process RFC 959 server", e);
            }
        }
    }

    private static void unavailable(String message) {
        if ("required".equals(System.getenv("FERRY_INTEROP"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message + " (set FERRY_INTEROP=required to make this a failure)");
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String joined(String host, String port) {
        return host == null ? null : host + ":" + (port == null ? "21" : port);
    }

    /** One reachable instance: where it listens, who logs in, and its FTP root on this machine. */
    record Endpoint(MatrixServer server, String host, int port, String user, String password, Path root,
                    String tlsFingerprint) {

        SessionSettings settings() {
            SessionSettings s = SessionSettings.of(host, port, Credentials.of(user, password));
            return tlsFingerprint == null ? s : s.withTls(TlsPolicy.of(TlsPolicy.Mode.EXPLICIT,
                    CertificateTrust.fingerprints(List.of(tlsFingerprint))));
        }

        SiteRef site() {
            return new SiteRef(server.name(), server.label, settings(), 2);
        }
    }
}
