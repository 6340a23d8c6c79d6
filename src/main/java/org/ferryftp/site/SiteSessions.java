package org.ferryftp.site;

import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteOptions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TlsPolicy;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place a {@link SiteProfile} becomes what the engine uses: {@link SessionSettings} (charset,
 * data connection, representation, timeouts, credentials) and a {@link SiteRef} (id, name, maximum
 * connections), plus what the engine keeps outside the session ({@link SiteConnection}).
 */
public final class SiteSessions {

    /** A key's passphrase when none is known; one instance, so password-free refs of a site are equal. */
    private static final Supplier<Optional<String>> NO_PASSPHRASE = Optional::empty;

    /** Saved sites' {@link SiteRef} ids start with this; demo and quick-connect sites use others. */
    public static final String REF_PREFIX = "site:";

    private SiteSessions() {
    }

    /** What one connection to a site needs beyond the session settings. */
    public record SiteConnection(SiteRef ref, Duration keepAlive, AutoAscii autoAscii, FxpPreferences fxp) {
    }

    public static String refId(SiteProfile p) {
        return REF_PREFIX + p.id();
    }

    /** The profile id behind a saved site's ref id, or empty for any other site. */
    public static Optional<String> profileId(String refId) {
        return refId != null && refId.startsWith(REF_PREFIX) ? Optional.of(refId.substring(REF_PREFIX.length()))
                : Optional.empty();
    }

    /** The name under which the site's password is kept in the credential store. */
    public static String credentialKey(SiteProfile p) {
        return "site/" + p.id();
    }

    /** Login data; {@code password} may be null (anonymous sites ignore it). */
    public static Credentials credentials(SiteProfile p, String password) {
        return switch (p.login()) {
            case ANONYMOUS -> Credentials.anonymous();
            case NORMAL, ASK -> new Credentials(p.user(), password, null);
            case ACCOUNT -> new Credentials(p.user(), password, p.account());
        };
    }

    /**
     * The session settings of a site.
     *
     * @throws IllegalArgumentException when the site asks for something this engine cannot do yet
     */
    public static SessionSettings settings(SiteProfile p, String password) {
        return settings(p, password, CertificateTrust.REJECT);
    }

    /** The name under which the password of the site's proxy is kept in the credential store. */
    public static String proxyCredentialKey(SiteProfile p) {
        return "proxy/" + p.id();
    }

    /** The name under which the password of the preferences' default proxy is kept in the credential store. */
    public static final String DEFAULT_PROXY_KEY = "proxy/default";

    /**
     * Where the password of the proxy the site connects through is kept: its own proxy's key or the default's;
     * empty when that proxy has no login or the site connects directly.
     *
     * @param defaultProxy the preferences' default proxy, null for none
     */
    public static Optional<String> proxyPasswordKey(SiteProfile p, SiteProxy defaultProxy) {
        SiteProxy used = p.proxy().resolve(defaultProxy);
        if (used == null || used.user().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(p.proxy() == ProxyUse.DEFAULT ? DEFAULT_PROXY_KEY : proxyCredentialKey(p));
    }

    /**
     * The session settings of a site.
     *
     * @param trust decides about certificates the JDK trust store does not vouch for (per site in the app)
     */
    public static SessionSettings settings(SiteProfile p, String password, CertificateTrust trust) {
        return settings(p, password, trust, "");
    }

    /** As {@link #settings(SiteProfile, String, CertificateTrust)}, with the password of the site's own proxy. */
    public static SessionSettings settings(SiteProfile p, String password, CertificateTrust trust,
                                           String proxyPassword) {
        return settings(p, password, trust, proxyPassword, null);
    }

    /**
     * The session settings of a site whose proxy may be the preferences' default.
     *
     * @param proxyPassword the password of the proxy in use (see {@link #proxyPasswordKey})
     * @param defaultProxy  the preferences' default proxy, null for none
     */
    public static SessionSettings settings(SiteProfile p, String password, CertificateTrust trust,
                                           String proxyPassword, SiteProxy defaultProxy) {
        if (p.isSftp()) {
            throw new IllegalArgumentException(p.name() + " is an SFTP site; it has no FTP session settings");
        }
        SessionSettings s = SessionSettings.of(p.host(), p.port(), credentials(p, password))
                .withCharset(p.charset())
                .withTimeouts(p.timeouts())
                .withData(p.data())
                .withRepresentation(p.representation())
                .withAsciiExtensions(p.autoAscii().enabled() ? p.autoAscii().extensions() : List.of())
                .withProxy(proxy(p.proxy().resolve(defaultProxy), proxyPassword));
        return tls(s, p, trust);
    }

    private static ProxySettings proxy(SiteProxy used, String password) {
        return used == null ? null : used.settings(password);
    }

    /**
     * Every name under which the credential store may hold a secret of the site (password, proxy password, key
     * passphrase), for loading them ahead of the window's form.
     */
    public static List<String> secretKeys(SiteProfile p) {
        return List.of(credentialKey(p), proxyCredentialKey(p), keyPassphraseKey(p));
    }

    /** The name under which the passphrase of an SFTP site's key file is kept in the credential store. */
    public static String keyPassphraseKey(SiteProfile p) {
        return "sshkey/" + p.id();
    }

    /**
     * The SFTP settings of a site. Ferry offers ssh-agent's keys first (when the site asks for them and an agent
     * runs), then the key file, then the password (when there is one); the server's list of methods decides.
     *
     * @param password   the site's password, or null or empty for none
     * @param passphrase the key file's passphrase, asked for only when the key is encrypted
     * @param ssh        known hosts, host-key policy and ssh-agent
     * @throws IllegalArgumentException when the site is not an SFTP site
     */
    public static SftpSettings sftpSettings(SiteProfile p, String password, Supplier<Optional<String>> passphrase,
                                            SshEnvironment ssh) {
        return sftpSettings(p, password, passphrase, null, ssh);
    }

    /**
     * As {@link #sftpSettings(SiteProfile, String, Supplier, SshEnvironment)}; without a password, {@code
     * askPassword} (when given) is asked once the server refuses the key or agent and takes a password.
     */
    public static SftpSettings sftpSettings(SiteProfile p, String password, Supplier<Optional<String>> passphrase,
                                            Supplier<Optional<String>> askPassword, SshEnvironment ssh) {
        if (!p.isSftp()) {
            throw new IllegalArgumentException(p.name() + " is an FTP site, not an SFTP one");
        }
        List<SshAuth> auth = new ArrayList<>();
        if (p.ssh().useAgent()) {
            ssh.agent().ifPresent(auth::add);
        }
        if (p.ssh().keyFile() != null) {
            auth.add(new SshAuth.KeyFile(keyPath(p.ssh().keyFile()), passphrase));
        }
        if (password != null && !password.isEmpty()) {
            auth.add(new SshAuth.Password(password));
        } else if (askPassword != null) {
            auth.add(new SshAuth.PasswordOnRequest(askPassword));
        }
        return new SftpSettings(p.host(), p.port(), p.user(), auth, p.timeouts().connect(), p.timeouts().reply(),
                ssh.knownHosts(), ssh.policy());
    }

    /** An SFTP site as the file system and queue know it, with its password and key passphrase. */
    public static SiteRef sftpRef(SiteProfile p, String password, Supplier<Optional<String>> passphrase,
                                  SshEnvironment ssh) {
        return sftpRef(p, password, passphrase, null, ssh);
    }

    /** As {@link #sftpRef(SiteProfile, String, Supplier, SshEnvironment)}, with a password asked for on request. */
    public static SiteRef sftpRef(SiteProfile p, String password, Supplier<Optional<String>> passphrase,
                                  Supplier<Optional<String>> askPassword, SshEnvironment ssh) {
        return new SiteRef(refId(p), p.path(), new SiteEndpoint.Sftp(sftpSettings(p, password, passphrase, askPassword,
                ssh)),
                p.maxConnections(), p.options());
    }

    /** A key file's path; a leading {@code ~/} is the user's home, as OpenSSH and FileZilla write it. */
    static Path keyPath(String file) {
        return file.startsWith("~/") ? Path.of(System.getProperty("user.home"), file.substring(2)) : Path.of(file);
    }

    /** The site as the file system and queue know it. */
    public static SiteRef ref(SiteProfile p, String password) {
        return ref(p, password, CertificateTrust.REJECT);
    }

    public static SiteRef ref(SiteProfile p, String password, CertificateTrust trust) {
        return ref(p, password, trust, "");
    }

    /**
     * The site as the file system and queue know it; an SFTP site checks host keys against the standard files only
     * (see {@link #sftpRef} for one that asks).
     */
    public static SiteRef ref(SiteProfile p, String password, CertificateTrust trust, String proxyPassword) {
        return ref(p, password, trust, proxyPassword, null);
    }

    /** As {@link #ref(SiteProfile, String, CertificateTrust, String)}, with the preferences' default proxy. */
    public static SiteRef ref(SiteProfile p, String password, CertificateTrust trust, String proxyPassword,
                              SiteProxy defaultProxy) {
        if (p.isSftp()) {
            return sftpRef(p, password, NO_PASSPHRASE, SshEnvironment.knownOnly());
        }
        return new SiteRef(refId(p), p.path(),
                new SiteEndpoint.Ftp(settings(p, password, trust, proxyPassword, defaultProxy)), p.maxConnections(),
                p.options());
    }

    public static SiteConnection connection(SiteProfile p, String password) {
        return new SiteConnection(ref(p, password), p.keepAlive(), p.autoAscii(), p.fxp());
    }

    /** The representation for one file: with TYPE auto, ASCII for the listed extensions and binary otherwise. */
    public static Representation representationFor(SiteProfile p, String fileName) {
        if (!p.autoAscii().enabled()) {
            return p.representation();
        }
        return p.autoAscii().isAscii(fileName) ? Representation.ASCII : Representation.BINARY;
    }

    /** The site's TLS mode and data protection (PROT P when {@code protectData}, else PROT C). */
    static SessionSettings tls(SessionSettings s, SiteProfile p, CertificateTrust trust) {
        TlsPolicy.Mode mode = switch (p.tls()) {
            case NONE -> TlsPolicy.Mode.NONE;
            case IF_OFFERED -> TlsPolicy.Mode.IF_OFFERED;
            case EXPLICIT -> TlsPolicy.Mode.EXPLICIT;
            case IMPLICIT -> TlsPolicy.Mode.IMPLICIT;
        };
        return mode == TlsPolicy.Mode.NONE ? s
                : s.withTls(TlsPolicy.of(mode, trust).withProtectData(p.protectData()));
    }
}
