package org.ferryftp.site;

/**
 * Which proxy a site connects through: none, the default proxy of the preferences (whatever it is when the site
 * connects, so changing the default changes every such site), or one of its own.
 */
public sealed interface ProxyUse {

    /** Connect directly, whatever the default proxy is (what a site without a proxy meant before defaults). */
    ProxyUse DIRECT = new Direct();
    /** Connect through the preferences' default proxy; directly when there is none. */
    ProxyUse DEFAULT = new Default();

    record Direct() implements ProxyUse {
    }

    record Default() implements ProxyUse {
    }

    record Custom(SiteProxy proxy) implements ProxyUse {
        public Custom {
            java.util.Objects.requireNonNull(proxy, "proxy");
        }
    }

    /** A site's own proxy, or {@link #DIRECT} for null. */
    static ProxyUse of(SiteProxy own) {
        return own == null ? DIRECT : new Custom(own);
    }

    /** The proxy in force, given the preferences' default (null for none); null: connect directly. */
    default SiteProxy resolve(SiteProxy defaultProxy) {
        if (this instanceof Custom c) {
            return c.proxy();
        }
        return this instanceof Default ? defaultProxy : null;
    }

    /** The site's own proxy, or null when it has none of its own. */
    default SiteProxy own() {
        return this instanceof Custom c ? c.proxy() : null;
    }
}
