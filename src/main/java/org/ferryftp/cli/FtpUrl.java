package org.ferryftp.cli;

import org.ferryftp.ftp.TlsPolicy;

/**
 * {@code ftp://user:pass@host:port/path}. As in RFC 1738 the path is relative to the login
 * directory; {@code ftp://host//abs/path} or {@code %2F} reaches an absolute path.
 *
 * @param user     user name, or null for anonymous
 * @param password password from the URL, or null
 * @param host     host name or address
 * @param port     port, 21 by default
 * @param path     decoded path ("" for the login directory)
 */
public record FtpUrl(String user, String password, String host, int port, String path, TlsPolicy.Mode security) {

    /** Plain FTP URL. */
    public FtpUrl(String user, String password, String host, int port, String path) {
        this(user, password, host, port, path, TlsPolicy.Mode.NONE);
    }

    public static FtpUrl parse(String text) {
        // ftps:// is implicit TLS (port 990), ftpes:// explicit AUTH TLS (port 21), as in curl and lftp.
        TlsPolicy.Mode security = switch (UrlParts.scheme(text)) {
            case "ftp" -> TlsPolicy.Mode.NONE;
            case "ftpes" -> TlsPolicy.Mode.EXPLICIT;
            case "ftps" -> TlsPolicy.Mode.IMPLICIT;
            default -> throw new IllegalArgumentException("not an ftp://, ftpes://, ftps:// or sftp:// URL: "
                    + UrlParts.shown(text));
        };
        UrlParts p = UrlParts.parse(text, security == TlsPolicy.Mode.IMPLICIT ? 990 : 21);
        return new FtpUrl(p.user(), p.password(), p.host(), p.port(), p.path(), security);
    }

    /** Control characters as {@code \xNN}, so a message stays on one line and shows what was typed. */
    static String printable(String s) {
        return UrlParts.printable(s);
    }

    /** The URL without its password, for messages. */
    public String display() {
        String scheme = switch (security) {
            case EXPLICIT, IF_OFFERED -> "ftpes";
            case IMPLICIT -> "ftps";
            case NONE -> "ftp";
        };
        return scheme + "://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + path;
    }
}
