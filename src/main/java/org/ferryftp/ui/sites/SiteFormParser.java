package org.ferryftp.ui.sites;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.site.AutoAscii;
import org.ferryftp.site.FxpPreferences;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.SshKeys;
import org.ferryftp.site.TlsMode;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.ProxyUse;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ui.Messages;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link SiteForm} back into a profile, collecting a clear message for every bad field. */
final class SiteFormParser {

    /** The outcome: a profile and its password, or what is wrong. */
    sealed interface Parsed {
    }

    /**
     * @param proxyPassword for the site's proxy; "" when it has none or no login
     * @param keyPassphrase for an SFTP site's key file; "" when none is kept
     */
    record Valid(SiteProfile profile, String password, String proxyPassword, String keyPassphrase) implements Parsed {
    }

    record Invalid(List<String> problems) implements Parsed {
    }

    private final Messages msg;
    private final List<String> problems = new ArrayList<>();

    private SiteFormParser(Messages msg) {
        this.msg = msg;
    }

    /** Parses {@code f}; fields the form does not show (id, folder) come from {@code base}. */
    static Parsed parse(SiteForm f, SiteProfile base, Messages msg) {
        return new SiteFormParser(msg).run(f, base);
    }

    private Parsed run(SiteForm f, SiteProfile base) {
        String name = f.name.get().strip();
        if (name.isEmpty() || name.contains("/")) {
            problems.add(msg.get("site.error.name"));
        }
        String host = f.host.get().strip();
        if (host.isEmpty() || host.contains(" ") || host.contains("/")) {
            problems.add(msg.get("site.error.host"));
        }
        int port = number(f.port.get(), 1, 65535, 21, "site.error.port");
        String colour = f.colour.get().strip();
        if (!colour.isEmpty() && !colour.matches("#[0-9a-fA-F]{6}")) {
            problems.add(msg.get("site.error.colour"));
        }
        int min = number(f.activePortMin.get(), 0, 65535, 0, "site.error.portRange");
        int max = number(f.activePortMax.get(), 0, 65535, 0, "site.error.portRange");
        if ((min == 0) != (max == 0) || min > max) {
            problems.add(msg.get("site.error.portRange"));
            min = 0;
            max = 0;
        }
        CharsetPolicy charset = charset(f);
        Representation repr = representation(f);
        int connections = number(f.maxConnections.get(), 1, SiteProfile.MAX_CONNECTIONS, 2, "site.error.connections");
        Timeouts timeouts = Timeouts.ofSeconds(number(f.connectTimeout.get(), 1, 3600, 20, "site.error.timeout"),
                number(f.replyTimeout.get(), 1, 3600, 30, "site.error.timeout"),
                number(f.dataTimeout.get(), 1, 3600, 60, "site.error.timeout"));
        int keepAlive = number(f.keepAlive.get(), 0, 3600, 0, "site.error.keepAlive");
        boolean sftp = f.protocol.get() == SiteProtocol.SFTP;
        // SFTP cannot go through a proxy yet: such a site connects directly, as it always did.
        ProxyUse proxy = sftp ? ProxyUse.DIRECT : proxy(f);
        if (sftp && f.login.get() == LoginType.ACCOUNT) {
            problems.add(msg.get("site.error.sftpAccount"));
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems.stream().distinct().toList());
        }
        DataConnectionSettings data = new DataConnectionSettings(f.dataMode.get(), f.preferEpsv.get(),
                f.usePasvAddress.get(), base.data().activeBindAddress(), min, max, blankToNull(f.activeExternal.get()),
                f.preferEprt.get());
        LoginType login = f.login.get();
        SshKeys ssh = new SshKeys(f.keyFile.get(), f.useAgent.get());
        SiteProfile p = base.toBuilder().name(name).host(host).port(port).protocol(f.protocol.get())
                .tls(sftp ? TlsMode.NONE : f.tls.get()).ssh(sftp ? ssh : SshKeys.NONE).login(login)
                .user(login == LoginType.ANONYMOUS ? "anonymous" : f.user.get().strip())
                .account(login == LoginType.ACCOUNT ? blankToNull(f.account.get()) : null)
                .colour(colour.isEmpty() ? null : colour.toLowerCase(java.util.Locale.ROOT)).notes(f.notes.get())
                .data(data).representation(repr)
                .autoAscii(AutoAscii.parse(f.type.get() == TypeChoice.AUTO, f.asciiExtensions.get()))
                .maxConnections(connections).fxp(new FxpPreferences(f.fxpPassive.get(), f.fxpRelay.get()))
                .charset(charset).timeouts(timeouts).keepAlive(Duration.ofSeconds(keepAlive))
                .localDir(blankToNull(f.localDir.get())).remoteDir(blankToNull(f.remoteDir.get()))
                .bookmarks(List.copyOf(f.bookmarks)).protectData(f.protectData.get())
                .uploadViaTempName(f.uploadViaTempName.get()).keepTimes(f.keepTimes.get()).proxyUse(proxy).build();
        boolean storesPassword = login == LoginType.NORMAL || login == LoginType.ACCOUNT;
        return new Valid(p, storesPassword ? f.password.get() : "",
                proxy.own() == null || proxy.own().user().isEmpty() ? "" : f.proxyPassword.get(),
                sftp && ssh.keyFile() != null ? f.keyPassphrase.get() : "");
    }

    /**
     * The proxy the form names; passive mode is required through one (the default proxy's check waits for the
     * connection, when it is known whether there is one).
     */
    private ProxyUse proxy(SiteForm f) {
        ProxyChoice choice = f.proxy.get();
        if (choice == null || choice == ProxyChoice.NONE) {
            return ProxyUse.DIRECT;
        }
        if (choice == ProxyChoice.DEFAULT) {
            return ProxyUse.DEFAULT;
        }
        String host = f.proxyHost.get().strip();
        if (host.isEmpty() || host.contains(" ") || host.contains("/")) {
            problems.add(msg.get("site.error.proxyHost"));
            return ProxyUse.DIRECT;
        }
        int port = f.proxyPort.get().isBlank() ? SiteProxy.defaultPort(choice.type)
                : number(f.proxyPort.get(), 1, 65535, 1080, "site.error.proxyPort");
        if (f.dataMode.get() != DataConnectionMode.PASSIVE) {
            problems.add(msg.get("site.error.proxyActive"));
        }
        return new ProxyUse.Custom(new SiteProxy(choice.type, host, port, f.proxyUser.get().strip()));
    }

    private CharsetPolicy charset(SiteForm f) {
        return switch (f.charset.get()) {
            case AUTO -> CharsetPolicy.AUTO;
            case UTF8 -> CharsetPolicy.UTF8;
            case NAMED -> {
                Charset cs = charsetNamed(f.charsetName.get(), "site.error.charset");
                yield cs == null ? CharsetPolicy.AUTO : new CharsetPolicy.Named(cs);
            }
        };
    }

    private Representation representation(SiteForm f) {
        Charset ebcdic = charsetNamed(f.ebcdicCodePage.get(), "site.error.codePage");
        Representation r = Representation.BINARY.withFormat(f.format.get()).withStructure(f.structure.get())
                .withMode(f.mode.get()).withEbcdicCodePage(ebcdic == null ? Representation.DEFAULT_EBCDIC : ebcdic);
        return switch (f.type.get()) {
            case AUTO, IMAGE -> r;
            case ASCII -> r.withType(TransferType.ASCII);
            case EBCDIC -> r.withType(TransferType.EBCDIC);
            case LOCAL -> r.withLocalByteSize(number(f.byteSize.get(), 1, 255, 8, "site.error.byteSize"));
        };
    }

    private Charset charsetNamed(String name, String errorKey) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            problems.add(msg.format(errorKey, name.strip()));
            return null;
        }
    }

    private int number(String text, int min, int max, int fallback, String errorKey) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() && min == 0) {
            return 0;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(msg.get(errorKey));
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
