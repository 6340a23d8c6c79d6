package org.ferryftp.fs;

import org.ferryftp.ftp.SessionSettings;

import java.util.Objects;

/**
 * How to reach a site: a stable id (connection pools and the queue journal key on it), a name for people, how to
 * open a session ({@link SiteEndpoint}: FTP or SFTP and its settings), how many connections the site allows at
 * once, and what transfers to it should do ({@link SiteOptions}).
 */
public record SiteRef(String id, String name, SiteEndpoint endpoint, int maxConnections, SiteOptions options) {

    /** An FTP site with the default options. */
    public SiteRef(String id, String name, SessionSettings settings, int maxConnections) {
        this(id, name, new SiteEndpoint.Ftp(settings), maxConnections, SiteOptions.DEFAULT);
    }

    /** An FTP site, uploading through a temporary name or not. */
    public SiteRef(String id, String name, SessionSettings settings, int maxConnections,
                   boolean uploadViaTempName) {
        this(id, name, new SiteEndpoint.Ftp(settings), maxConnections,
                SiteOptions.DEFAULT.withUploadViaTempName(uploadViaTempName));
    }

    /** A site of any protocol with the default options. */
    public SiteRef(String id, String name, SiteEndpoint endpoint, int maxConnections) {
        this(id, name, endpoint, maxConnections, SiteOptions.DEFAULT);
    }

    public SiteRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(options, "options");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a site needs at least one connection");
        }
    }

    /** Uploads go to {@code NAME.ferry-part} first and are renamed when complete. */
    public boolean uploadViaTempName() {
        return options.uploadViaTempName();
    }

    public boolean isSftp() {
        return endpoint instanceof SiteEndpoint.Sftp;
    }

    /**
     * The FTP settings of an FTP site, for code that is FTP's alone (FTP session factories, FTP site editing).
     *
     * @throws IllegalStateException for an SFTP site: protocol-neutral code uses {@link #endpoint()}
     */
    public SessionSettings settings() {
        if (endpoint instanceof SiteEndpoint.Ftp ftp) {
            return ftp.settings();
        }
        throw new IllegalStateException(name + " is an " + endpoint.scheme().toUpperCase(java.util.Locale.ROOT)
                + " site; it has no FTP settings");
    }

    /** This site with another endpoint (e.g. the same site with its password filled in). */
    public SiteRef withEndpoint(SiteEndpoint e) {
        return new SiteRef(id, name, e, maxConnections, options);
    }
}
