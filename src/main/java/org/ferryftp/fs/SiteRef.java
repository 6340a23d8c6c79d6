package org.ferryftp.fs;

import org.ferryftp.ftp.SessionSettings;

import java.util.Objects;

/**
 * How to reach a site: a stable id (connection pools and the queue journal key on it), a name for
 * people, the session settings, how many connections the site allows at once, and whether uploads go
 * to a temporary name first ({@code NAME.ferry-part}, renamed when complete; on unless the site says not).
 */
public record SiteRef(String id, String name, SessionSettings settings, int maxConnections,
                      boolean uploadViaTempName) {

    /** A site with uploads through a temporary name (the default). */
    public SiteRef(String id, String name, SessionSettings settings, int maxConnections) {
        this(id, name, settings, maxConnections, true);
    }

    public SiteRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a site needs at least one connection");
        }
    }
}
