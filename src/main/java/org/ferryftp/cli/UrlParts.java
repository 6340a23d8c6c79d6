package org.ferryftp.cli;

import org.ferryftp.ftp.CommandArguments;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The pieces of a {@code scheme://user:pass@host:port/path} URL, decoded, whatever the scheme; {@link FtpUrl} and
 * {@link SftpUrl} give them meaning. As in RFC 1738 the path is relative to the login directory;
 * {@code //abs/path} or {@code %2F} reaches an absolute path.
 *
 * @param user     user name, or null when the URL gives none
 * @param password password from the URL, or null
 * @param port     the URL's port, or the scheme's default
 * @param path     decoded path ("" for the login directory)
 */
record UrlParts(String user, String password, String host, int port, String path) {

    /** The scheme in lower case, "" when there is none. */
    static String scheme(String text) {
        int schemeEnd = text.indexOf("://");
        return schemeEnd < 0 ? "" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    }

    static UrlParts parse(String text, int defaultPort) {
        String rest = text.substring(text.indexOf("://") + 3);
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
            if (CommandArguments.hasLineBreak(user)) {
                throw new IllegalArgumentException("the user name in the URL contains a line break or NUL character");
            }
            password = colon < 0 ? null : decode(info.substring(colon + 1));
            if (password != null && CommandArguments.hasLineBreak(password)) {
                throw new IllegalArgumentException("the password in the URL contains a line break or NUL character");
            }
        }
        int port = defaultPort;
        // The port is ours to read: java.net.URI turns a bad one into a registry authority with no host.
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && authority.indexOf(']', portColon) < 0
                && (authority.startsWith("[") || authority.indexOf(':') == portColon)) {
            String portText = authority.substring(portColon + 1);
            authority = authority.substring(0, portColon);
            if (!portText.isEmpty()) { // RFC 3986: an empty port is the scheme's default
                port = parsePort(portText);
            }
        }
        String host;
        try {
            host = new URI("ftp://" + authority).getHost();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad host in URL: " + printable(authority));
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host in URL: " + shown(text));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new UrlParts(user, password, host, port, decode(rawPath));
    }

    private static int parsePort(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 5) {
            throw new IllegalArgumentException("bad port in URL: " + printable(text) + " (a number from 1 to 65535)");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port in URL: " + text + " (a number from 1 to 65535)");
        }
        return port;
    }

    private static String decode(String s) {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                String bad = s.substring(i, Math.min(s.length(), i + 3));
                throw new IllegalArgumentException("bad percent-escape in URL: \"" + printable(bad) + "\" (% must be followed by two hex digits; write %25 for %)");
            }
        }
        // '+' is literal in URL paths and user info; only %XX is an escape.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The URL text as an error message may show it: without its user info, which may hold a password
     * (with or without a scheme), and on one line.
     */
    static String shown(String text) {
        int schemeEnd = text.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int slash = text.indexOf('/', start);
        int at = text.lastIndexOf('@', slash < 0 ? text.length() - 1 : slash - 1);
        return printable(at < start ? text : text.substring(0, start) + text.substring(at + 1));
    }

    /** Control characters as {@code \xNN}, so a message stays on one line and shows what was typed. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
