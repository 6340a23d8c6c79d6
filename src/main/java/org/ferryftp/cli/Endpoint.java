package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteOptions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.site.ProxyUse;
import org.ferryftp.site.SiteLookup;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.TlsMode;
import org.ferryftp.site.trust.TrustedCertificates;

import java.io.Console;
import java.io.IOException;

/**
 * What a command's URL argument names: a server and a path on it, with the settings to connect. Either an
 * {@code ftp://}, {@code ftpes://} or {@code ftps://} URL, or {@code site:NAME/path} for a saved site (see
 * {@link SiteLookup} for how the name and the path are told apart).
 *
 * @param id       the queue's id for the server
 * @param label    its name in messages
 * @param settings how to connect and log in
 * @param path     the path on the server ("" for the login directory)
 * @param display  the argument without secrets, for messages
 * @param maxConnections connections the server allows (the saved site's limit; unlimited for URLs)
 * @param options  what transfers to it do (the saved site's settings; the defaults for URLs)
 */
record Endpoint(String id, String label, SiteEndpoint connection, String path, String display, int maxConnections,
                SiteOptions options) {

    static final String SITE_PREFIX = "site:";

    /** A ref for the transfer queue, with at most {@code parallel} connections. */
    SiteRef ref(int parallel) {
        return new SiteRef(id, label, connection, Math.max(1, Math.min(parallel, maxConnections)),
                options);
    }

    static Endpoint parse(String arg, CommandLine line, CliContext context) throws IOException {
        if (SftpUrl.matches(arg)) {
            SftpUrl u = SftpUrl.parse(arg);
            return new Endpoint("sftp:" + u.user() + "@" + u.host() + ":" + u.port(), u.host(),
                    new SiteEndpoint.Sftp(SftpLogin.settings(u, line, context)), u.path(), u.display(), Integer.MAX_VALUE, SiteOptions.DEFAULT);
        }
        if (!arg.startsWith(SITE_PREFIX)) {
            FtpUrl u = FtpUrl.parse(arg);
            return new Endpoint(u.host() + ":" + u.port(), u.host(), new SiteEndpoint.Ftp(SessionCommand.settings(u, line, context)),
                    u.path(), u.display(), Integer.MAX_VALUE, SiteOptions.DEFAULT);
        }
        SiteLookup.Found found = new SiteLookup(context.saved().sites()).find(arg.substring(SITE_PREFIX.length()));
        SiteProfile p = found.site();
        if (p.isSftp()) {
            return new Endpoint(SiteSessions.refId(p), p.path(), new SiteEndpoint.Sftp(SftpLogin.settings(p,
                    password(p, context), line, context)), path(p, found.path()),
                    SITE_PREFIX + p.path() + "/" + found.path(), p.maxConnections(), p.options());
        }
        if (line.hasOption("key")) {
            throw new IllegalArgumentException("--key applies to sftp:// URLs; " + p.path() + " is an FTP site");
        }
        // --proxy and --noproxy decide alone; only otherwise does the site's proxy (or the default) matter.
        boolean ownChoice = line.hasOption("proxy") || NoProxy.of(line.getOptionValue("noproxy"), context.env())
                .bypasses(p.host());
        SiteProxy defaultProxy = ownChoice || p.proxy() != ProxyUse.DEFAULT ? null : context.saved().defaultProxy();
        java.util.Optional<String> key = ownChoice ? java.util.Optional.empty()
                : SiteSessions.proxyPasswordKey(p, defaultProxy);
        String proxyPassword = key.isEmpty() ? "" : context.saved().credentials().get(key.get())
                .orElse(context.env().getOrDefault("FERRY_PROXY_PASSWORD", ""));
        SessionSettings s = SiteSessions.settings(p, password(p, context), trust(p, line, context), proxyPassword,
                defaultProxy);
        return new Endpoint(SiteSessions.refId(p), p.path(), new SiteEndpoint.Ftp(overrides(s, p, line, context)), path(p, found.path()),
                SITE_PREFIX + p.path() + "/" + found.path(), p.maxConnections(), p.options());
    }

    /** A relative path is taken from the site's remote directory when it has one; "//" after the name is absolute. */
    static String path(SiteProfile p, String rest) {
        if (rest.startsWith("/") || p.remoteDir() == null || p.remoteDir().isBlank()) {
            return rest;
        }
        String dir = p.remoteDir().endsWith("/") ? p.remoteDir() : p.remoteDir() + "/";
        return dir + rest;
    }

    private static String password(SiteProfile p, CliContext context) throws IOException {
        String fromEnv = context.env().get("FERRY_PASSWORD");
        return switch (p.login()) {
            case ANONYMOUS -> null;
            case NORMAL, ACCOUNT -> {
                var stored = context.saved().credentials().get(SiteSessions.credentialKey(p));
                yield stored.orElse(fromEnv == null ? "" : fromEnv);
            }
            case ASK -> {
                if (fromEnv != null) {
                    yield fromEnv;
                }
                Console console = System.console();
                char[] typed = console == null ? null : console.readPassword("Password for %s: ", p.path());
                if (typed == null) {
                    throw new IOException("the saved site " + p.path() + " asks for its password each time; "
                            + "set FERRY_PASSWORD or run on a terminal");
                }
                yield new String(typed);
            }
        };
    }

    /** The certificate the user trusted for the site in the window, and any given by --trust-fingerprint. */
    private static CertificateTrust trust(SiteProfile p, CommandLine line, CliContext context) {
        if (p.tls() == TlsMode.NONE) {
            if (!ProtocolOptions.certificateFingerprints(line).isEmpty() || line.hasOption("clear-data")) {
                throw new IllegalArgumentException("--trust-fingerprint and --clear-data need a site that uses TLS; "
                        + p.path() + " uses plain FTP");
            }
            return CertificateTrust.REJECT;
        }
        CertificateTrust given = ProtocolOptions.commandLineTrust(line);
        TrustedCertificates trusted = context.saved().trustedCertificates();
        String siteId = SiteSessions.refId(p);
        return certificate -> trusted.isTrusted(siteId, certificate.sha256()) || given.accept(certificate);
    }

    /** Options given on the command line win over the site's settings; the site's settings fill in the rest. */
    private static SessionSettings overrides(SessionSettings s, SiteProfile p, CommandLine line, CliContext context)
            throws IOException {
        if (line.hasOption("active") || line.hasOption("passive")) {
            s = s.withData(line.hasOption("active") ? p.data().withMode(org.ferryftp.ftp.DataConnectionMode.ACTIVE)
                    : p.data().withMode(org.ferryftp.ftp.DataConnectionMode.PASSIVE));
            ProtocolOptions.data(line); // refuses both at once
        }
        for (String o : new String[] {"type", "format", "structure", "mode", "ebcdic-codepage"}) {
            if (line.hasOption(o)) {
                s = s.withRepresentation(ProtocolOptions.representation(line));
                break;
            }
        }
        if (line.hasOption("charset")) {
            s = s.withCharset(ProtocolOptions.charset(line));
        }
        if (line.hasOption("timeout")) {
            int t = ProtocolOptions.timeoutSeconds(line);
            s = s.withTimeouts(Timeouts.ofSeconds(t, t, t * 2));
        }
        SessionSettings site = s;
        s = s.withProxy(ProtocolOptions.proxyFor(p.host(), line, context.env(), site::proxy));
        if (line.hasOption("clear-data") && s.tls().enabled()) {
            s = s.withTls(s.tls().withProtectData(false));
        }
        return s;
    }
}
