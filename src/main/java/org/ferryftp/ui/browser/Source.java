package org.ferryftp.ui.browser;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;

/**
 * What a pane can show: the local disk ({@code site == null}) or a site.
 *
 * @param label  name in the source selector
 * @param site   the site, or null for the local disk
 * @param colour the site's colour tag as {@code #rrggbb}, or null for none
 */
public record Source(String label, SiteRef site, String colour) {

    public Source(String label, SiteRef site) {
        this(label, site, null);
    }

    public static Source local(String label) {
        return new Source(label, null);
    }

    public static Source of(SiteRef site) {
        return new Source(site.name(), site);
    }

    /** A saved site with its colour tag (null for none). */
    public static Source of(SiteRef site, String colour) {
        return new Source(site.name(), site, colour);
    }

    /** The label, and where a site goes when its name does not say it: for tooltips. */
    public String description() {
        if (isLocal()) {
            return label;
        }
        String where = site.endpoint().label();
        return label.equals(where) ? label : label + " (" + where + ")";
    }

    public boolean isLocal() {
        return site == null;
    }

    /** {@code path} on this source. */
    public Location locationOf(String path) {
        return isLocal() ? Location.local(path) : Location.remote(site, path);
    }

    /** Sources are equal when they point at the same side. */
    public boolean sameSide(Source other) {
        return other != null && (isLocal() ? other.isLocal() : !other.isLocal() && site.id().equals(other.site.id()));
    }

    @Override
    public String toString() {
        return label;
    }
}
