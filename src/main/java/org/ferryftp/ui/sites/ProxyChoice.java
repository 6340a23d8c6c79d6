package org.ferryftp.ui.sites;

import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.site.ProxyUse;
import org.ferryftp.site.SiteProxy;

/** The site form's proxy choices: none, the preferences' default, or one of the site's own of a kind the engine speaks. */
enum ProxyChoice {
    NONE(null), DEFAULT(null), SOCKS5(ProxySettings.Type.SOCKS5), SOCKS4A(ProxySettings.Type.SOCKS4A),
    HTTP(ProxySettings.Type.HTTP);

    /** The kind of the site's own proxy; null for none and for the default. */
    final ProxySettings.Type type;

    ProxyChoice(ProxySettings.Type type) {
        this.type = type;
    }

    /** True when the site names a proxy of its own (host, port and login apply). */
    boolean custom() {
        return type != null;
    }

    static ProxyChoice of(ProxyUse use) {
        SiteProxy own = use.own();
        if (own != null) {
            for (ProxyChoice c : values()) {
                if (c.type == own.type()) {
                    return c;
                }
            }
        }
        return use == ProxyUse.DEFAULT ? DEFAULT : NONE;
    }
}
