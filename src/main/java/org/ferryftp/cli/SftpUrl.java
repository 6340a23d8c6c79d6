package org.ferryftp.cli;

/**
 * {@code sftp://user[:pass]@host[:port]/path}. The path is relative to the login directory, as in Ferry's FTP URLs
 * (so the same command works with either scheme); {@code sftp://host//abs/path} or {@code %2F} reaches an absolute
 * path, and curl's {@code /~/} prefix for the home directory is taken too.
 *
 * @param user     user name; the local user's when the URL gives none, as ssh does
 * @param password password from the URL, or null
 * @param port     port, 22 by default
 * @param path     decoded path ("" for the login directory)
 */
record SftpUrl(String user, String password, String host, int port, String path) {

    static final String SCHEME = "sftp";

    static boolean matches(String text) {
        return UrlParts.scheme(text).equals(SCHEME);
    }

    static SftpUrl parse(String text) {
        UrlParts p = UrlParts.parse(text, 22);
        String path = p.path().equals("~") ? "" : p.path().startsWith("~/") ? p.path().substring(2) : p.path();
        String user = p.user() == null || p.user().isEmpty() ? System.getProperty("user.name") : p.user();
        return new SftpUrl(user, p.password(), p.host(), p.port(), path);
    }

    /** The URL without its password, for messages. */
    String display() {
        return SCHEME + "://" + user + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + path;
    }
}
