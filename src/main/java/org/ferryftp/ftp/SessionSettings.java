package org.ferryftp.ftp;

import org.ferryftp.ftp.repr.LocalTextForm;
import org.ferryftp.ftp.repr.Representation;

import java.util.Objects;

/**
 * Everything one FTP session needs: where to connect, how to log in, and the protocol settings it
 * must honour on the wire.
 *
 * @param host           server host name or address
 * @param port           control port (21 by default)
 * @param credentials    login data
 * @param charset        charset of the control connection
 * @param timeouts       connect, reply and data timeouts
 * @param data           passive/active/default data port settings
 * @param representation TYPE, format, STRU, MODE for transfers
 * @param localText      how converted text is stored locally
 * @param bufferSize     transfer buffer and socket buffer size in bytes
 * @param tls            plain FTP, explicit or implicit TLS, and how certificates are trusted
 * @param asciiExtensions TYPE "auto" when not empty: files with these extensions (lower case, no dot) go
 *                        as ASCII (TYPE A), all others as binary; empty: {@code representation} for every file
 * @param proxy          the proxy that control and data connections go through, or null to connect directly
 */
public record SessionSettings(String host, int port, Credentials credentials, CharsetPolicy charset,
                              Timeouts timeouts, DataConnectionSettings data, Representation representation,
                              LocalTextForm localText, int bufferSize, TlsPolicy tls,
                              java.util.List<String> asciiExtensions, ProxySettings proxy) {

    /** 1 MiB: Commons Net's 8 KiB default costs a lot of throughput on fast links. */
    public static final int DEFAULT_BUFFER = 1 << 20;

    public SessionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(representation, "representation");
        Objects.requireNonNull(localText, "localText");
        Objects.requireNonNull(tls, "tls");
        asciiExtensions = java.util.List.copyOf(asciiExtensions == null ? java.util.List.of() : asciiExtensions);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (bufferSize < 4096) {
            throw new IllegalArgumentException("buffer size must be at least 4096 bytes");
        }
    }

    public static SessionSettings of(String host, int port, Credentials credentials) {
        return new SessionSettings(host, port, credentials, CharsetPolicy.AUTO, Timeouts.DEFAULT,
                DataConnectionSettings.PASSIVE, Representation.BINARY, LocalTextForm.PLATFORM, DEFAULT_BUFFER,
                TlsPolicy.NONE, java.util.List.of(), null);
    }

    public SessionSettings withPort(int p) {
        return new SessionSettings(host, p, credentials, charset, timeouts, data, representation, localText,
                bufferSize, tls, asciiExtensions, proxy);
    }

    public SessionSettings withCharset(CharsetPolicy c) {
        return new SessionSettings(host, port, credentials, c, timeouts, data, representation, localText,
                bufferSize, tls, asciiExtensions, proxy);
    }

    public SessionSettings withTimeouts(Timeouts t) {
        return new SessionSettings(host, port, credentials, charset, t, data, representation, localText,
                bufferSize, tls, asciiExtensions, proxy);
    }

    public SessionSettings withData(DataConnectionSettings d) {
        return new SessionSettings(host, port, credentials, charset, timeouts, d, representation, localText,
                bufferSize, tls, asciiExtensions, proxy);
    }

    public SessionSettings withRepresentation(Representation r) {
        return new SessionSettings(host, port, credentials, charset, timeouts, data, r, localText,
                bufferSize, tls, asciiExtensions, proxy);
    }

    public SessionSettings withLocalText(LocalTextForm l) {
        return new SessionSettings(host, port, credentials, charset, timeouts, data, representation, l,
                bufferSize, tls, asciiExtensions, proxy);
    }

    public SessionSettings withBufferSize(int size) {
        return new SessionSettings(host, port, credentials, charset, timeouts, data, representation, localText,
                size, tls, asciiExtensions, proxy);
    }

    public SessionSettings withTls(TlsPolicy t) {
        return new SessionSettings(host, port, credentials, charset, timeouts, data, representation, localText,
                bufferSize, t, asciiExtensions, proxy);
    }

    /** Through {@code p} (null: directly); passive mode is then required. */
    public SessionSettings withProxy(ProxySettings p) {
        return new SessionSettings(host, port, credentials, charset, timeouts, data, representation, localText,
                bufferSize, tls, asciiExtensions, p);
    }

    /** TYPE "auto": these extensions as ASCII, everything else binary (MODE as the site says). */
    public SessionSettings withAsciiExtensions(java.util.List<String> extensions) {
        return new SessionSettings(host, port, credentials, charset, timeouts, data, representation, localText,
                bufferSize, tls, extensions, proxy);
    }

    /**
     * The representation for one file: the site's, or with TYPE "auto" ASCII for the listed extensions and
     * binary for the rest (keeping the site's MODE).
     */
    public Representation representationFor(String path) {
        if (asciiExtensions.isEmpty()) {
            return representation;
        }
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        boolean ascii = dot >= 0 && dot < name.length() - 1
                && asciiExtensions.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        return (ascii ? Representation.ASCII : Representation.BINARY).withMode(representation.mode());
    }

    /** "host:port" for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
