package org.ferryftp.ftp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data connection endpoint, parsed from or formatted for PASV/PORT (RFC 959) and EPSV/EPRT (RFC 2428).
 */
public record HostPort(String host, int port) {

    private static final Pattern PASV = Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");

    public HostPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses the h1,h2,h3,h4,p1,p2 address of a 227 reply. */
    public static HostPort parsePasv(FtpReply reply) throws FtpProtocolException {
        Matcher m = PASV.matcher(reply.firstLineText());
        if (!m.find()) {
            throw new FtpProtocolException("cannot read the address in the PASV reply: " + reply.oneLine());
        }
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
            n[i] = Integer.parseInt(m.group(i + 1));
            if (n[i] > 255) {
                throw new FtpProtocolException("the PASV reply holds an impossible address: " + reply.oneLine());
            }
        }
        int port = n[4] * 256 + n[5];
        if (port == 0) {
            throw new FtpProtocolException("the PASV reply holds port 0: " + reply.oneLine());
        }
        return new HostPort(n[0] + "." + n[1] + "." + n[2] + "." + n[3], port);
    }

    /** Parses the port of a 229 reply, {@code (|||port|)}; the host is the control connection's peer. */
    public static int parseEpsvPort(FtpReply reply) throws FtpProtocolException {
        String text = reply.firstLineText();
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open + 5) {
            throw new FtpProtocolException("cannot read the port in the EPSV reply: " + reply.oneLine());
        }
        String inner = text.substring(open + 1, close);
        char d = inner.charAt(0);
        String[] parts = inner.split(Pattern.quote(String.valueOf(d)), -1);
        // "|||port|" splits into "", "", "", "port", ""
        if (parts.length != 5 || !parts[1].isEmpty() || !parts[2].isEmpty() || !parts[4].isEmpty()) {
            throw new FtpProtocolException("cannot read the port in the EPSV reply: " + reply.oneLine());
        }
        try {
            int port = Integer.parseInt(parts[3]);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new FtpProtocolException("the EPSV reply holds an impossible port: " + reply.oneLine());
        }
    }

    /** The argument of PORT: h1,h2,h3,h4,p1,p2. IPv4 only. */
    public String toPortArgument() {
        if (host.contains(":")) {
            throw new IllegalStateException("PORT cannot carry IPv6 address " + host + "; use EPRT");
        }
        return host.replace('.', ',') + "," + (port >> 8) + "," + (port & 0xff);
    }

    /** The argument of EPRT: |1|host|port| or |2|host|port|. */
    public String toEprtArgument() {
        return "|" + (host.contains(":") ? 2 : 1) + "|" + host + "|" + port + "|";
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
