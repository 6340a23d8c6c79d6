package org.ferryftp.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
public record FtpUrl(String user, String password, String host, int port, String path) {

    public static FtpUrl parse(String text) {
        if (!text.regionMatches(true, 0, "ftp://", 0, 6)) {
            throw new IllegalArgumentException("not an ftp:// URL: " + text);
        }
        String rest = text.substring(6);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String rawPath = slash < 0 ? "" : rest.substring(slash + 1);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String host;
        int port = 21;
        try {
            URI uri = new URI("ftp://" + authority);
            host = uri.getHost();
            if (uri.getPort() != -1) {
                port = uri.getPort();
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad host in URL: " + authority);
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host in URL: " + text);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new FtpUrl(user, password, host, port, decode(rawPath));
    }

    private static String decode(String s) {
        // '+' is literal in URL paths and user info; only %XX is an escape.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL without its password, for messages. */
    public String display() {
        return "ftp://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + path;
    }
}
