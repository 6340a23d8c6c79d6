package org.ferryftp.fs;

import org.ferryftp.ftp.SessionSettings;

import java.util.Objects;

/**
 * How to reach a site: a stable id (connection pools and the queue journal key on it), a name for
 * people, the session settings, and how many connections the site allows at once.
 */
public record SiteRef(String id, String name, SessionSettings settings, int maxConnections) {

    public SiteRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a site needs at least one connection");
        }
    }
}
