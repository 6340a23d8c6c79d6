package org.ferryftp.site;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.ftp.repr.Representation;

import java.time.Duration;
import java.util.List;

/** Builds a {@link SiteProfile} field by field; {@link #build()} validates. */
public final class SiteProfileBuilder {

    private String id;
    private String name;
    private List<String> folder = List.of();
    private String colour;
    private String notes = "";
    private String host;
    private int port = 21;
    private TlsMode tls = TlsMode.NONE;
    private LoginType login = LoginType.NORMAL;
    private String user = "";
    private String account;
    private CharsetPolicy charset = CharsetPolicy.AUTO;
    private DataConnectionSettings data = DataConnectionSettings.PASSIVE;
    private Representation representation = Representation.BINARY;
    private AutoAscii autoAscii = AutoAscii.OFF;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private Duration keepAlive = Duration.ZERO;
    private int maxConnections = 2;
    private String localDir;
    private String remoteDir;
    private List<Bookmark> bookmarks = List.of();
    private FxpPreferences fxp = FxpPreferences.DEFAULT;
    private boolean protectData = true;
    private boolean uploadViaTempName = true;
    private boolean keepTimes = true;
    /** New sites follow the preferences' default proxy, as FileZilla's do unless told to bypass it. */
    private ProxyUse proxy = ProxyUse.DEFAULT;
    private SiteProtocol protocol = SiteProtocol.FTP;
    private SshKeys ssh = SshKeys.NONE;

    SiteProfileBuilder() {
    }

    public SiteProfile build() {
        return new SiteProfile(id, name, folder, colour, notes, host, port, tls, login, user, account, charset, data,
                representation, autoAscii, timeouts, keepAlive, maxConnections, localDir, remoteDir, bookmarks, fxp,
                protectData, uploadViaTempName, proxy, protocol, ssh, keepTimes);
    }

    public SiteProfileBuilder id(String v) {
        id = v;
        return this;
    }

    public SiteProfileBuilder name(String v) {
        name = v;
        return this;
    }

    public SiteProfileBuilder folder(List<String> v) {
        folder = v;
        return this;
    }

    public SiteProfileBuilder colour(String v) {
        colour = v;
        return this;
    }

    public SiteProfileBuilder notes(String v) {
        notes = v;
        return this;
    }

    public SiteProfileBuilder host(String v) {
        host = v;
        return this;
    }

    public SiteProfileBuilder port(int v) {
        port = v;
        return this;
    }

    public SiteProfileBuilder tls(TlsMode v) {
        tls = v;
        return this;
    }

    public SiteProfileBuilder login(LoginType v) {
        login = v;
        return this;
    }

    public SiteProfileBuilder user(String v) {
        user = v;
        return this;
    }

    public SiteProfileBuilder account(String v) {
        account = v;
        return this;
    }

    public SiteProfileBuilder charset(CharsetPolicy v) {
        charset = v;
        return this;
    }

    public SiteProfileBuilder data(DataConnectionSettings v) {
        data = v;
        return this;
    }

    public SiteProfileBuilder representation(Representation v) {
        representation = v;
        return this;
    }

    public SiteProfileBuilder autoAscii(AutoAscii v) {
        autoAscii = v;
        return this;
    }

    public SiteProfileBuilder timeouts(Timeouts v) {
        timeouts = v;
        return this;
    }

    public SiteProfileBuilder keepAlive(Duration v) {
        keepAlive = v;
        return this;
    }

    public SiteProfileBuilder maxConnections(int v) {
        maxConnections = v;
        return this;
    }

    public SiteProfileBuilder localDir(String v) {
        localDir = v;
        return this;
    }

    public SiteProfileBuilder remoteDir(String v) {
        remoteDir = v;
        return this;
    }

    public SiteProfileBuilder bookmarks(List<Bookmark> v) {
        bookmarks = v;
        return this;
    }

    public SiteProfileBuilder fxp(FxpPreferences v) {
        fxp = v;
        return this;
    }

    public SiteProfileBuilder protectData(boolean v) {
        protectData = v;
        return this;
    }

    /** The site's own proxy; null: connect directly (not through the default proxy either). */
    public SiteProfileBuilder proxy(SiteProxy v) {
        proxy = ProxyUse.of(v);
        return this;
    }

    public SiteProfileBuilder proxyUse(ProxyUse v) {
        proxy = v;
        return this;
    }

    public SiteProfileBuilder uploadViaTempName(boolean v) {
        uploadViaTempName = v;
        return this;
    }

    public SiteProfileBuilder keepTimes(boolean v) {
        keepTimes = v;
        return this;
    }

    public SiteProfileBuilder protocol(SiteProtocol v) {
        protocol = v;
        return this;
    }

    public SiteProfileBuilder ssh(SshKeys v) {
        ssh = v;
        return this;
    }
}
