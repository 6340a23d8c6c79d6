package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.HostKeyVerdict;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.SshEnvironment;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the command line logs in to an SFTP server: the host key checked against {@code ~/.ssh/known_hosts} and
 * Ferry's own {@code known_hosts} in the config directory (a key accepted with {@code --trust-fingerprint} is
 * recorded there), and the ways to log in that were given: {@code --key FILE}, the ssh-agent of
 * {@code SSH_AUTH_SOCK}, and a password (the URL's, FERRY_PASSWORD, or asked on the terminal when nothing else
 * was given). The password also answers keyboard-interactive prompts.
 */
final class SftpLogin {

    /** Options that mean something only to FTP; given with an sftp:// URL they are refused, not ignored. */
    private static final List<String> FTP_ONLY = List.of("active", "passive", "type", "format", "structure", "mode",
            "ebcdic-codepage", "charset", "clear-data");

    private SftpLogin() {
    }

    static SftpSettings settings(SftpUrl url, CommandLine line, CliContext context) throws IOException {
        refuseFtpOptions(line, "sftp:// URLs");
        SshEnvironment ssh = environment(line, context);
        Duration timeout = Duration.ofSeconds(ProtocolOptions.timeoutSeconds(line));
        // A URL goes through --proxy, else the preferences' default proxy, as ftp:// URLs do.
        ProxySettings proxy = ProtocolOptions.proxyFor(url.host(), line, context.env(),
                context.saved()::defaultProxySettings);
        return new SftpSettings(url.host(), url.port(), url.user(), auth(url, line, context), timeout, timeout,
                ssh.knownHosts(), ssh.policy(), proxy == null ? null : proxy.tunnel());
    }

    /**
     * A saved SFTP site's settings: its key file, agent and password as the site says (the key's passphrase from
     * the credential store, else FERRY_KEY_PASSPHRASE or the terminal), host keys as for URLs; --timeout wins.
     */
    static SftpSettings settings(SiteProfile p, String password, CommandLine line, CliContext context)
            throws IOException {
        refuseFtpOptions(line, "SFTP sites");
        if (line.hasOption("key")) {
            throw new IllegalArgumentException("--key applies to sftp:// URLs; " + p.path() + " has its key file in"
                    + " the site manager");
        }
        Path key = p.ssh().keyFile() == null ? null : Path.of(p.ssh().keyFile());
        SftpSettings s = SiteSessions.sftpSettings(p, password, () -> storedPassphrase(p, context)
                .or(() -> passphrase(key, context)), environment(line, context));
        ProxySettings proxy = ProtocolOptions.proxyFor(p.host(), line, context.env(), () -> siteProxy(p, context));
        if (proxy != null) {
            s = s.withTunnel(proxy.tunnel());
        }
        if (!line.hasOption("timeout")) {
            return s;
        }
        Duration timeout = Duration.ofSeconds(ProtocolOptions.timeoutSeconds(line));
        return new SftpSettings(s.host(), s.port(), s.user(), s.auth(), timeout, timeout, s.hostKeys(), s.policy(),
                s.tunnel());
    }

    /** The site's own proxy or the preferences' default, as the site says; null when it connects directly. */
    private static ProxySettings siteProxy(SiteProfile p, CliContext context) throws IOException {
        org.ferryftp.site.SiteProxy defaultProxy = context.saved().defaultProxy();
        org.ferryftp.site.SiteProxy used = p.proxy().resolve(defaultProxy);
        if (used == null) {
            return null;
        }
        Optional<String> key = SiteSessions.proxyPasswordKey(p, defaultProxy);
        return used.settings(key.isEmpty() ? "" : context.saved().credentials().get(key.get())
                .orElse(context.env().getOrDefault("FERRY_PROXY_PASSWORD", "")));
    }

    /** The key passphrase the site manager stored, if any; a credential store that fails is reported, not fatal. */
    private static Optional<String> storedPassphrase(SiteProfile p, CliContext context) {
        try {
            return context.saved().credentials().get(SiteSessions.keyPassphraseKey(p));
        } catch (IOException e) {
            context.err().println("ferry: cannot read the key passphrase of " + p.path() + " from "
                    + context.saved().credentialsWhere() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void refuseFtpOptions(CommandLine line, String what) {
        for (String o : FTP_ONLY) {
            if (line.hasOption(o)) {
                throw new IllegalArgumentException("--" + o + " applies to FTP, not to " + what);
            }
        }
    }

    /** The known-hosts files, the --trust-fingerprint policy, and the ssh-agent of SSH_AUTH_SOCK. */
    private static SshEnvironment environment(CommandLine line, CliContext context) {
        Path own = context.saved().configDir().resolve("known_hosts");
        KnownHosts hostKeys = KnownHosts.standard(context.saved().configDir());
        String agent = context.env().get("SSH_AUTH_SOCK");
        return new SshEnvironment(hostKeys, policy(ProtocolOptions.sshFingerprints(line), hostKeys, own, context),
                agent == null || agent.isBlank() ? Optional.empty() : Optional.of(new SshAuth.Agent(Path.of(agent))));
    }

    /**
     * Accepts an unknown key only when its fingerprint was given, and records it in Ferry's file, so the next run
     * knows it (as ssh's "Permanently added" does). A changed key is refused whatever was given, as OpenSSH does:
     * the recorded key must be removed from the file the warning names first.
     */
    private static HostKeyPolicy policy(List<String> fingerprints, KnownHosts hostKeys, Path own, CliContext context) {
        return (host, port, key, verdict) -> {
            String fingerprint = KnownHosts.fingerprint(key);
            if (verdict instanceof HostKeyVerdict.Changed || !fingerprints.contains(fingerprint)) {
                return false;
            }
            try {
                hostKeys.trust(host, port, key);
                context.err().println("ferry: trusted the host key " + fingerprint + " of " + host + ":" + port
                        + " (recorded in " + own + ")");
            } catch (IOException e) {
                context.err().println("ferry: trusted the host key " + fingerprint + " for this run; could not record"
                        + " it in " + own + ": " + e.getMessage());
            }
            return true;
        };
    }

    private static List<SshAuth> auth(SftpUrl url, CommandLine line, CliContext context) {
        List<SshAuth> auth = new ArrayList<>();
        String keyFile = line.getOptionValue("key");
        if (keyFile != null) {
            Path key = Path.of(keyFile).toAbsolutePath();
            if (!Files.isRegularFile(key)) {
                throw new IllegalArgumentException("--key: no such key file: " + key);
            }
            auth.add(new SshAuth.KeyFile(key, () -> passphrase(key, context)));
        }
        environment(line, context).agent().ifPresent(auth::add);
        String password = url.password() != null ? url.password() : context.env().get("FERRY_PASSWORD");
        if (password != null) {
            auth.add(new SshAuth.Password(password));
        } else { // asked on the terminal once the server wants it: not when a key or the agent logs in
            auth.add(new SshAuth.PasswordOnRequest(() -> {
                Console console = System.console();
                char[] typed = console == null ? null : console.readPassword("%s@%s's password: ", url.user(),
                        url.host());
                return typed == null ? Optional.empty() : Optional.of(new String(typed));
            }));
        }
        return auth;
    }

    /** The passphrase of an encrypted key: FERRY_KEY_PASSPHRASE, else asked on the terminal. */
    private static Optional<String> passphrase(Path key, CliContext context) {
        String fromEnv = context.env().get("FERRY_KEY_PASSPHRASE");
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("Passphrase for %s: ", key);
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
    }
}
