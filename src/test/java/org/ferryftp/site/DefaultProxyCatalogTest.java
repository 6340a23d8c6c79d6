package org.ferryftp.site;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which proxy a saved site and a quick connection get when they connect, with the default proxy set or not. */
class DefaultProxyCatalogTest {

    final SiteProxy corporate = new SiteProxy(ProxySettings.Type.SOCKS5, "socks.example.org", 1081, "me");
    final SiteProxy own = new SiteProxy(ProxySettings.Type.HTTP, "web.example.org", 3128, "");
    final MemoryCredentialStore credentials = new MemoryCredentialStore();
    final SiteCatalog catalog = new SiteCatalog(credentials, site -> Optional.of("asked"));

    SiteProfile site(String id, ProxyUse use) {
        return SiteProfile.builder(id, id, "ftp.example.org").user("u").proxyUse(use).build();
    }

    ProxySettings proxyOf(String id) throws Exception {
        return catalog.connectable(catalog.placeholder(SiteSessions.REF_PREFIX + id).orElseThrow()).settings().proxy();
    }

    @Test
    void sitesSetToTheDefaultUseTheCurrentDefaultWithItsPasswordOthersKeepTheirChoice() throws Exception {
        catalog.setProfiles(List.of(site("def", ProxyUse.DEFAULT), site("direct", ProxyUse.DIRECT),
                site("own", new ProxyUse.Custom(own))));
        credentials.put(SiteSessions.DEFAULT_PROXY_KEY, "proxy-pw");
        assertNull(proxyOf("def"), "no default proxy: directly");
        catalog.useDefaultProxy(corporate);
        assertEquals(new ProxySettings(ProxySettings.Type.SOCKS5, "socks.example.org", 1081, "me", "proxy-pw"),
                proxyOf("def"));
        assertNull(proxyOf("direct"));
        assertEquals(own.settings(""), proxyOf("own"));
        catalog.useDefaultProxy(null);
        assertNull(proxyOf("def"), "the default's change applies at the next connection");
    }

    @Test
    void quickConnectUsesTheDefaultProxy() throws Exception {
        SiteRef quick = QuickSites.ref(SessionSettings.of("ftp.example.org", 21, Credentials.of("u", "pw")));
        assertNull(catalog.connectable(quick).settings().proxy());
        catalog.useDefaultProxy(corporate);
        credentials.put(SiteSessions.DEFAULT_PROXY_KEY, "proxy-pw");
        SiteRef ready = catalog.connectable(quick);
        assertEquals(corporate.settings("proxy-pw"), ready.settings().proxy());
        assertEquals(quick.id(), ready.id());
        // One from an earlier run, whose password is asked, too.
        SiteRef restored = QuickSites.fromId(quick.id()).orElseThrow();
        assertEquals(corporate.settings("proxy-pw"), catalog.connectable(restored).settings().proxy());
    }
}
