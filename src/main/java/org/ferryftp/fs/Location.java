package org.ferryftp.fs;

import java.util.Objects;

/**
 * A path on one side: the local disk ({@code site == null}) or a site.
 */
public record Location(SiteRef site, String path) {

    public Location {
        Objects.requireNonNull(path, "path");
    }

    public static Location local(String path) {
        return new Location(null, path);
    }

    public static Location remote(SiteRef site, String path) {
        return new Location(Objects.requireNonNull(site, "site"), path);
    }

    public boolean isLocal() {
        return site == null;
    }

    /** True when both point at the same place on the same side. */
    public boolean sameAs(Location other) {
        boolean sameSide = isLocal() ? other.isLocal() : !other.isLocal() && site.id().equals(other.site.id());
        return sameSide && path.equals(other.path);
    }
}
