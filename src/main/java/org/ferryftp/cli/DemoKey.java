package org.ferryftp.cli;

import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.ferryftp.ftp.ServerCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * The self-signed key the demo's FTPS server uses (shipped in the jar; its private key is public, so it
 * only serves diagnostics), for the TLS variants of {@code ferry selftest} and the built-in demo's FTPS server.
 */
public final class DemoKey {

    static final String RESOURCE = "/org/ferryftp/demo/demo-tls.p12";
    static final String PASSWORD = "ferry-demo";

    private DemoKey() {
    }

    /** MINA wants a key store file: the resource is copied into {@code work}. */
    public static SslConfiguration sslConfiguration(Path work) throws IOException {
        Path ks = work.resolve("demo-tls.p12");
        try (InputStream in = open()) {
            Files.copy(in, ks, StandardCopyOption.REPLACE_EXISTING);
        }
        SslConfigurationFactory f = new SslConfigurationFactory();
        f.setKeystoreFile(ks.toFile());
        f.setKeystoreType("PKCS12");
        f.setKeystorePassword(PASSWORD);
        f.setKeyPassword(PASSWORD);
        f.setKeyAlias("server");
        return f.createSslConfiguration();
    }

    static String fingerprint() throws IOException {
        try (InputStream in = open()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ServerCertificate.fingerprint((X509Certificate) ks.getCertificate("server"));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the demo TLS key: " + e.getMessage(), e);
        }
    }

    private static InputStream open() throws IOException {
        InputStream in = DemoKey.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the demo TLS key " + RESOURCE + " is missing from the jar");
        }
        return in;
    }
}
