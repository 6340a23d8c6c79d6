package org.ferryftp.site;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.ftp.repr.Representation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A saved site. Secrets are not part of it: passwords live in the credential store under the
 * profile's id. Build one with {@link #builder}, change one with {@link #toBuilder()}.
 *
 * @param id             stable identifier (queue items and the vault refer to it)
 * @param name           what the user calls it
 * @param folder         folder path in the site manager, outermost first (empty: top level)
 * @param colour         colour tag as {@code #rrggbb}, or null for none
 * @param notes          free text
 * @param host           host name or address
 * @param port           control port
 * @param tls            plain FTP or one of the TLS modes
 * @param login          how to log in
 * @param user           user name (ignored for anonymous)
 * @param account        RFC 959 account for {@link LoginType#ACCOUNT}, or null
 * @param charset        charset of names
 * @param data           passive/active settings
 * @param representation TYPE/format/STRU/MODE (the fixed type, used unless {@code autoAscii} is on)
 * @param autoAscii      TYPE auto: ASCII for the listed extensions, binary otherwise
 * @param timeouts       connect, reply and data timeouts
 * @param keepAlive      idle time after which a NOOP keeps the connection open; zero for never
 * @param maxConnections connections the site allows at once
 * @param localDir       directory to open locally, or null
 * @param remoteDir      directory to open on the server, or null
 * @param bookmarks      named directory pairs
 * @param fxp            server-to-server preferences
 * @param protectData    with TLS: PROT P (true) or PROT C (false) on data connections
 * @param uploadViaTempName uploads go to {@code NAME.ferry-part} and are renamed when complete (true), or
 *                       straight to their name (false, for servers where renaming does not work)
 * @param keepTimes      transferred files keep their modification time (FileZilla's "preserve timestamps"); on by
 *                       default, and profiles saved before the setting existed read as on
 * @param proxy          the proxy control and data connections go through: none, the preferences' default, or
 *                       the site's own
 * @param protocol       FTP (plain or TLS, as {@code tls} says) or SFTP; FTP-only fields are kept but unused for SFTP
 * @param ssh            for SFTP: the key file and whether to ask ssh-agent
 */
public record SiteProfile(String id, String name, List<String> folder, String colour, String notes,
                          String host, int port, TlsMode tls, LoginType login, String user, String account,
                          CharsetPolicy charset, DataConnectionSettings data, Representation representation,
                          AutoAscii autoAscii, Timeouts timeouts, Duration keepAlive, int maxConnections,
                          String localDir, String remoteDir, List<Bookmark> bookmarks, FxpPreferences fxp,
                          boolean protectData, boolean uploadViaTempName, ProxyUse proxy,
                          SiteProtocol protocol, SshKeys ssh, boolean keepTimes) {

    public static final int MAX_CONNECTIONS = 16;

    public SiteProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(representation, "representation");
        Objects.requireNonNull(autoAscii, "autoAscii");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(fxp, "fxp");
        folder = List.copyOf(folder == null ? List.of() : folder);
        bookmarks = List.copyOf(bookmarks == null ? List.of() : bookmarks);
        notes = notes == null ? "" : notes;
        user = user == null ? "" : user;
        protocol = protocol == null ? SiteProtocol.FTP : protocol;
        ssh = ssh == null ? SshKeys.NONE : ssh;
        proxy = proxy == null ? ProxyUse.DIRECT : proxy;
        if (protocol == SiteProtocol.SFTP && login == LoginType.ACCOUNT) {
            throw new IllegalArgumentException("an SFTP site has no FTP account login");
        }
        if (colour != null && !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must be #rrggbb, was " + colour);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("connections must be 1.." + MAX_CONNECTIONS + ", was " + maxConnections);
        }
        if (keepAlive == null || keepAlive.isNegative()) {
            throw new IllegalArgumentException("keep-alive interval must be zero or positive");
        }
    }

    /** A new profile with Ferry's built-in defaults; see {@link SiteDefaults} for the user's defaults. */
    public static SiteProfileBuilder builder(String id, String name, String host) {
        return SiteDefaults.BUILT_IN.apply(new SiteProfileBuilder()).id(id).name(name).host(host);
    }

    /** A builder holding every field of this profile. */
    public SiteProfileBuilder toBuilder() {
        return new SiteProfileBuilder().id(id).name(name).folder(folder).colour(colour).notes(notes).host(host)
                .port(port).tls(tls).login(login).user(user).account(account).charset(charset).data(data)
                .representation(representation).autoAscii(autoAscii).timeouts(timeouts).keepAlive(keepAlive)
                .maxConnections(maxConnections).localDir(localDir).remoteDir(remoteDir).bookmarks(bookmarks)
                .fxp(fxp).protectData(protectData).uploadViaTempName(uploadViaTempName).proxyUse(proxy)
                .protocol(protocol).ssh(ssh).keepTimes(keepTimes);
    }

    public SiteProfile withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public SiteProfile withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public SiteProfile withFolder(List<String> newFolder) {
        return toBuilder().folder(newFolder).build();
    }

    /** What transfers to this site should do. */
    public org.ferryftp.fs.SiteOptions options() {
        return new org.ferryftp.fs.SiteOptions(uploadViaTempName, keepTimes);
    }

    public boolean isSftp() {
        return protocol == SiteProtocol.SFTP;
    }

    /** Folder path and name, for example "Work/Legacy/Mainframe". */
    public String path() {
        return folder.isEmpty() ? name : String.join("/", folder) + "/" + name;
    }
}
