package org.ferryftp.ui.sites;

import org.ferryftp.ftp.ProxySettings;

/** The site form's proxy kinds: none, or one the engine speaks. */
enum ProxyChoice {
    NONE(null), SOCKS5(ProxySettings.Type.SOCKS5), SOCKS4A(ProxySettings.Type.SOCKS4A), HTTP(ProxySettings.Type.HTTP);

    final ProxySettings.Type type;

    ProxyChoice(ProxySettings.Type type) {
        this.type = type;
    }

    static ProxyChoice of(ProxySettings.Type type) {
        for (ProxyChoice c : values()) {
            if (c.type == type) {
                return c;
            }
        }
        return NONE;
    }
}
