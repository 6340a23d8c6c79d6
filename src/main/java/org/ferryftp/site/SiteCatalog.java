package org.ferryftp.site;

import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.SessionException;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.SiteToSite;
import org.ferryftp.transfer.journal.SiteResolver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved sites of this run and how to connect to them. Panes and the queue hold a password-free
 * {@link SiteRef} for a saved site ({@link #placeholder}); right before connecting,
 * {@link #connectable} turns it into one with the password from the credential store, or, for
 * "ask for password" sites and quick connections of an earlier run, from the user (remembered in memory for
 * this run only).
 */
public final class SiteCatalog {

    /** Asks the user for a site's password; empty when they cancel. May be called off the UI thread. */
    @FunctionalInterface
    public interface PasswordPrompt {
        Optional<String> ask(SiteProfile site);

        /** Asks for the passphrase of an SFTP site's encrypted key when none is stored; empty declines. */
        default Optional<String> askKeyPassphrase(SiteProfile site) {
            return Optional.empty();
        }
    }

    private final CredentialStore credentials;
    private final PasswordPrompt prompt;
    private final Map<String, String> asked = new ConcurrentHashMap<>();
    private final Map<String, String> askedPassphrases = new ConcurrentHashMap<>();
    private volatile List<SiteProfile> profiles = List.of();
    /** The preferences' default proxy, null for none. */
    private volatile SiteProxy defaultProxy;

    private final Function<SiteProfile, CertificateTrust> trust;
    private final SshEnvironment ssh;

    public SiteCatalog(CredentialStore credentials, PasswordPrompt prompt) {
        this(credentials, prompt, p -> CertificateTrust.REJECT);
    }

    /** @param trust each site's certificate trust (its trusted certificates, and whom to ask) */
    public SiteCatalog(CredentialStore credentials, PasswordPrompt prompt, Function<SiteProfile, CertificateTrust> trust) {
        this(credentials, prompt, trust, SshEnvironment.knownOnly());
    }

    /** @param ssh SFTP sites' known hosts, host-key policy (whom to ask) and ssh-agent */
    public SiteCatalog(CredentialStore credentials, PasswordPrompt prompt, Function<SiteProfile, CertificateTrust> trust,
                       SshEnvironment ssh) {
        this.credentials = credentials;
        this.prompt = prompt;
        this.trust = trust;
        this.ssh = ssh;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public List<SiteProfile> profiles() {
        return profiles;
    }

    public void setProfiles(List<SiteProfile> list) {
        profiles = List.copyOf(list);
    }

    /** The preferences' default proxy from now on (null: none); sites that use it pick it up when they connect. */
    public void useDefaultProxy(SiteProxy proxy) {
        defaultProxy = proxy;
    }

    public Optional<SiteProfile> profile(String profileId) {
        return profiles.stream().filter(p -> p.id().equals(profileId)).findFirst();
    }

    /**
     * The saved site behind a ref id, without its password; empty for unknown ids and for sites this
     * build cannot connect to. Suitable for the queue journal's site resolver.
     */
    public Optional<SiteRef> placeholder(String refId) {
        return SiteSessions.profileId(refId).flatMap(this::profile).flatMap(SiteCatalog::placeholderOf);
    }

    /** A password-free ref for a pane's source list; empty when the site cannot be connected to by this build. */
    public static Optional<SiteRef> placeholderOf(SiteProfile p) {
        try {
            return Optional.of(SiteSessions.ref(p, null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The ref to connect with: a saved site's current settings and password; any other ref unchanged.
     *
     * @throws IOException when the site was deleted, cannot be used, or the user gave no password
     */
    public SiteRef connectable(SiteRef ref) throws IOException {
        if (QuickSites.needsPassword(ref)) {
            return viaDefaultProxy(QuickSites.withPassword(ref, askedPassword(QuickSites.askingProfile(ref))));
        }
        Optional<String> id = SiteSessions.profileId(ref.id());
        if (id.isEmpty()) {
            return QuickSites.isQuick(ref) ? viaDefaultProxy(ref) : ref;
        }
        SiteProfile p = profile(id.get()).orElseThrow(() -> new IOException("the saved site " + ref.name()
                + " no longer exists"));
        String password = switch (p.login()) {
            case ANONYMOUS -> null;
            case ASK -> askedPassword(p);
            case NORMAL, ACCOUNT -> credentials.get(SiteSessions.credentialKey(p)).orElse("");
        };
        SiteProxy viaDefault = defaultProxy;
        Optional<String> key = SiteSessions.proxyPasswordKey(p, viaDefault);
        String proxyPassword = key.isEmpty() ? "" : credentials.get(key.get()).orElse("");
        if (p.isSftp()) {
            SiteRef sftp = SiteSessions.sftpRef(p, password, () -> keyPassphrase(p), () -> passwordOnRequest(p), ssh);
            SiteProxy used = p.proxy().resolve(viaDefault);
            return used == null ? sftp : sftp.withEndpoint(new SiteEndpoint.Sftp(
                    ((SiteEndpoint.Sftp) sftp.endpoint()).settings().withTunnel(used.settings(proxyPassword).tunnel())));
        }
        try {
            return SiteSessions.ref(p, password, trust.apply(p), proxyPassword, viaDefault);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A quick connection goes through the default proxy, when there is one and it names no other. */
    private SiteRef viaDefaultProxy(SiteRef quick) throws IOException {
        SiteProxy proxy = defaultProxy;
        if (proxy == null || quick.isSftp() || quick.settings().proxy() != null) {
            return quick;
        }
        String password = proxy.user().isEmpty() ? "" : credentials.get(SiteSessions.DEFAULT_PROXY_KEY).orElse("");
        return quick.withEndpoint(new SiteEndpoint.Ftp(quick.settings().withProxy(proxy.settings(password))));
    }

    /** A saved site's keep-alive interval (zero: none), for the queue's pools; empty for any other site. */
    public Optional<Duration> keepAlive(String refId) {
        return SiteSessions.profileId(refId).flatMap(this::profile).map(SiteProfile::keepAlive);
    }

    /** A saved site's site-to-site preference, for the queue; empty for any other site. */
    public Optional<SiteToSite.Preference> fxpPreference(String refId) {
        return SiteSessions.profileId(refId).flatMap(this::profile).map(p -> new SiteToSite.Preference(
                switch (p.fxp().passiveSide()) {
                    case AUTO -> SiteToSite.PassiveSide.AUTO;
                    case SOURCE -> SiteToSite.PassiveSide.SOURCE;
                    case TARGET -> SiteToSite.PassiveSide.TARGET;
                },
                switch (p.fxp().relay()) {
                    case NEVER -> RelayPolicy.NEVER;
                    case ASK -> RelayPolicy.ASK;
                    case ALWAYS -> RelayPolicy.ALWAYS;
                }));
    }

    /**
     * The queue's and the panes' session factory: saved sites connect through {@code open} with their current
     * settings and password, any other site as it is.
     */
    public SessionFactory sessions(SessionFactory open) {
        return site -> {
            SiteRef ready;
            try {
                ready = connectable(site);
            } catch (SessionException e) {
                throw e;
            } catch (IOException e) {
                throw new SessionException(e.getMessage(), false, e);
            }
            return open.open(ready);
        };
    }

    /**
     * The journal's resolver: {@code others} first (sites of this run only), then the saved sites, then quick
     * connections of an earlier run (their password is asked for when they connect).
     */
    public SiteResolver resolver(SiteResolver others) {
        return id -> others.resolve(id).or(() -> placeholder(id)).or(() -> QuickSites.fromId(id));
    }

    /**
     * The key's passphrase, looked for only when the key turns out to be encrypted: from the credential store, else
     * asked once this run (a pool's further connections use the answer).
     */
    private Optional<String> keyPassphrase(SiteProfile p) {
        try {
            Optional<String> stored = credentials.get(SiteSessions.keyPassphraseKey(p));
            if (stored.isPresent() && !stored.get().isEmpty()) {
                return stored;
            }
        } catch (IOException e) {
            // not readable now: ask, as if none were stored
        }
        synchronized (askedPassphrases) {
            String known = askedPassphrases.get(p.id());
            if (known != null) {
                return Optional.of(known);
            }
            Optional<String> typed = prompt.askKeyPassphrase(p);
            typed.ifPresent(t -> askedPassphrases.put(p.id(), t));
            return typed; // empty: the key is refused, and the session says which key could not be read
        }
    }

    /**
     * The password of an SFTP site that has none stored, asked for only when the server refused its key or agent
     * and takes a password; asked once this run (a pool's further connections use the answer).
     */
    private Optional<String> passwordOnRequest(SiteProfile p) {
        try {
            return Optional.of(askedPassword(p));
        } catch (IOException declined) {
            return Optional.empty(); // the login is refused, and the session says so
        }
    }

    private synchronized String askedPassword(SiteProfile p) throws IOException {
        String known = asked.get(p.id());
        if (known != null) {
            return known;
        }
        String typed = prompt.ask(p).orElseThrow(() -> new IOException("no password given for " + p.name()));
        asked.put(p.id(), typed);
        return typed;
    }

    /** Forgets a password or key passphrase typed for a site (for example after a failed login). */
    public void forgetAsked(String profileId) {
        asked.remove(profileId);
        askedPassphrases.remove(profileId);
    }
}
