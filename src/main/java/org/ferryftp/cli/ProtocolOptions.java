package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.ftp.ServerCertificate;
import org.ferryftp.ftp.TlsPolicy;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/** Protocol options shared by every subcommand, and their translation into engine settings. */
final class ProtocolOptions {

    /** How OpenSSH writes a host key's fingerprint, and how {@code --trust-fingerprint} tells one apart. */
    private static final String SSH_FINGERPRINT = "SHA256:";

    private ProtocolOptions() {
    }

    static Options addTo(Options o) {
        o.addOption(flag("active", "active mode: the server connects to Ferry (EPRT/PORT)"));
        o.addOption(flag("passive", "passive mode (default): Ferry connects to the server (EPSV/PASV)"));
        o.addOption(valued("type", "A|I|E|L8", "representation type: A, I (default), E or L<n>"));
        o.addOption(valued("format", "N|T|C", "format control for TYPE A/E: N (default), T or C (ASA)"));
        o.addOption(valued("structure", "F|R|P", "file structure: F (default), R (record) or P (page)"));
        o.addOption(valued("mode", "S|Z", "transfer mode: S (stream, default) or Z (deflate)"));
        o.addOption(valued("ebcdic-codepage", "NAME", "code page for TYPE E (default IBM1047)"));
        o.addOption(valued("charset", "NAME", "charset of names: auto (default), utf-8, or a charset name"));
        o.addOption(valued("timeout", "SECONDS", "connect and reply timeout, default 30 (data: twice this)"));
        o.addOption(flag("log", "print the control dialogue on stderr (passwords masked)"));
        o.addOption(Option.builder().longOpt("trust-fingerprint").hasArg().argName("SHA256")
                .desc("trust the server certificate with this SHA-256 fingerprint (ftps:// and ftpes://: 64 hex"
                        + " digits) or the SSH host key (sftp://: SHA256:… as ssh-keygen -l prints it); repeatable")
                .get());
        o.addOption(valued("key", "FILE", "sftp://: log in with this OpenSSH private key (its passphrase from"
                + " FERRY_KEY_PASSPHRASE or the terminal); the ssh-agent of SSH_AUTH_SOCK is offered too"));
        o.addOption(flag("clear-data", "ftps/ftpes: leave data connections unencrypted (PROT C)"));
        o.addOption(valued("proxy", "URL", "connect through socks5://[user@]host[:port], socks4a://... or"
                + " http://[user@]host[:port] (CONNECT), instead of the default proxy of the preferences; the password"
                + " from FERRY_PROXY_PASSWORD; needs passive mode"));
        o.addOption(valued("noproxy", "HOSTS", "connect directly to these hosts (comma-separated; * for all), with"
                + " --proxy or the default proxy; as curl, overrides NO_PROXY"));
        return o;
    }

    private static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    private static Option valued(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
    }

    /**
     * The proxy a connection to {@code host} goes through: {@code --proxy}, else {@code configured} (the site's, or
     * the preferences' default); null for none and for hosts {@code --noproxy} or NO_PROXY names.
     */
    static ProxySettings proxyFor(String host, CommandLine line, java.util.Map<String, String> env,
                                  ConfiguredProxy configured) throws java.io.IOException {
        if (NoProxy.of(line.getOptionValue("noproxy"), env).bypasses(host)) {
            return null;
        }
        return line.hasOption("proxy") ? proxy(line, env) : configured.get();
    }

    /** The proxy the site or the preferences name, read only when neither option decides. */
    @FunctionalInterface
    interface ConfiguredProxy {
        ProxySettings get() throws java.io.IOException;
    }

    /** The proxy of {@code --proxy}, or null; its password comes from FERRY_PROXY_PASSWORD, never the URL. */
    static ProxySettings proxy(CommandLine line, java.util.Map<String, String> env) {
        String v = line.getOptionValue("proxy");
        if (v == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(socks5|socks4a|http)://(?:([^@/:]*)(:[^@/]*)?@)?(\\[[0-9A-Fa-f:.]+]|[^:/@\\[\\]]+)(?::(\\d{1,5}))?/?")
                .matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("--proxy takes socks5://[user@]host[:port], socks4a://... or"
                    + " http://[user@]host[:port], not " + FtpUrl.printable(v));
        }
        if (m.group(3) != null) {
            throw new IllegalArgumentException("give the proxy's password in FERRY_PROXY_PASSWORD, not in --proxy");
        }
        ProxySettings.Type type = switch (m.group(1)) {
            case "socks5" -> ProxySettings.Type.SOCKS5;
            case "socks4a" -> ProxySettings.Type.SOCKS4A;
            default -> ProxySettings.Type.HTTP;
        };
        String host = m.group(4).startsWith("[") ? m.group(4).substring(1, m.group(4).length() - 1) : m.group(4);
        int port = m.group(5) == null ? (type == ProxySettings.Type.HTTP ? 8080 : 1080) : Integer.parseInt(m.group(5));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port in --proxy: " + port + " (a number from 1 to 65535)");
        }
        String user = m.group(2) == null ? "" : m.group(2);
        return new ProxySettings(type, host, port, user, user.isEmpty() ? "" : env.getOrDefault("FERRY_PROXY_PASSWORD", ""));
    }

    static DataConnectionSettings data(CommandLine line) {
        if (line.hasOption("active") && line.hasOption("passive")) {
            throw new IllegalArgumentException("choose either --active or --passive");
        }
        return line.hasOption("active") ? DataConnectionSettings.ACTIVE : DataConnectionSettings.PASSIVE;
    }

    /** TLS for the URL's scheme: the JDK trust store, plus the fingerprints given on the command line. */
    static TlsPolicy tls(FtpUrl url, CommandLine line) {
        if (line.hasOption("key")) {
            throw new IllegalArgumentException("--key applies to sftp:// URLs, not to FTP");
        }
        if (url.security() == TlsPolicy.Mode.NONE) {
            if (!certificateFingerprints(line).isEmpty() || line.hasOption("clear-data")) {
                throw new IllegalArgumentException("--trust-fingerprint and --clear-data need an ftpes:// or ftps:// URL");
            }
            return TlsPolicy.NONE;
        }
        CertificateTrust trust = commandLineTrust(line);
        return TlsPolicy.of(url.security(), trust).withProtectData(!line.hasOption("clear-data"));
    }

    /** The certificates trusted by {@code --trust-fingerprint} (none when it is not given). */
    static CertificateTrust commandLineTrust(CommandLine line) {
        List<String> fingerprints = certificateFingerprints(line);
        for (String f : fingerprints) {
            if (ServerCertificate.normalizeFingerprint(f).length() != 64) {
                throw new IllegalArgumentException("--trust-fingerprint needs a SHA-256 fingerprint "
                        + "(64 hex digits, colons allowed; SHA256:… for an SSH host key), got " + f);
            }
        }
        return fingerprints.isEmpty() ? CertificateTrust.REJECT : CertificateTrust.fingerprints(fingerprints);
    }

    /** The certificate fingerprints among the {@code --trust-fingerprint} values (not OpenSSH's SHA256:… form). */
    static List<String> certificateFingerprints(CommandLine line) {
        return fingerprints(line).stream().filter(f -> !f.startsWith(SSH_FINGERPRINT)).toList();
    }

    /** The SSH host key fingerprints among the {@code --trust-fingerprint} values, in OpenSSH's SHA256:… form. */
    static List<String> sshFingerprints(CommandLine line) {
        List<String> ssh = fingerprints(line).stream().filter(f -> f.startsWith(SSH_FINGERPRINT)).toList();
        for (String f : ssh) {
            if (!f.substring(SSH_FINGERPRINT.length()).matches("[A-Za-z0-9+/]{43}")) {
                throw new IllegalArgumentException("--trust-fingerprint needs an SSH host key's fingerprint as"
                        + " ssh-keygen -l prints it (SHA256: and 43 base64 characters), got " + FtpUrl.printable(f));
            }
        }
        return ssh;
    }

    private static List<String> fingerprints(CommandLine line) {
        String[] given = line.getOptionValues("trust-fingerprint");
        return given == null ? List.of() : List.of(given);
    }

    static CharsetPolicy charset(CommandLine line) {
        String name = line.getOptionValue("charset", "auto");
        try {
            return CharsetPolicy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown charset: " + name);
        }
    }

    static int timeoutSeconds(CommandLine line) {
        String value = line.getOptionValue("timeout", "30");
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout takes a positive number of seconds, got " + value);
        }
    }

    static Representation representation(CommandLine line) {
        String type = line.getOptionValue("type", "I").trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("--type needs A, I, E or L<n>");
        }
        Representation r = Representation.BINARY
                .withFormat(FormatControl.fromCode(letter("--format", line.getOptionValue("format", "N"))))
                .withStructure(FileStructure.fromCode(letter("--structure", line.getOptionValue("structure", "F"))))
                .withMode(TransferMode.fromCode(letter("--mode", line.getOptionValue("mode", "S"))));
        String codePage = line.getOptionValue("ebcdic-codepage", "IBM1047");
        try {
            r = r.withEbcdicCodePage(Charset.forName(codePage));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown EBCDIC code page: " + codePage);
        }
        if (type.charAt(0) == 'L') {
            try {
                return r.withLocalByteSize(Integer.parseInt(type.substring(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--type L needs a byte size, e.g. L8");
            }
        }
        if (type.length() != 1) {
            throw new IllegalArgumentException("unknown --type " + type + " (expected A, I, E or L<n>)");
        }
        return r.withType(TransferType.fromCode(type.charAt(0)));
    }

    private static char letter(String option, String value) {
        String v = value.trim();
        if (v.length() != 1) {
            throw new IllegalArgumentException(option + " takes one letter, got \"" + value + "\"");
        }
        return v.charAt(0);
    }
}
