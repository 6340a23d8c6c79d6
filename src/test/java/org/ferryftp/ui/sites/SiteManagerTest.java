package org.ferryftp.ui.sites;

import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.main.QuickConnect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The glue without a window: saved sites as pane sources, and "Save as site" from the quick-connect bar. */
class SiteManagerTest {

    @TempDir
    Path dir;

    @Test
    void quickConnectIsSavedAsASiteWithItsPasswordInTheCredentialStore() throws Exception {
        SiteStore store = new SiteStore(dir, Clock.systemUTC());
        MemoryCredentialStore credentials = new MemoryCredentialStore();
        SiteCatalog catalog = new SiteCatalog(credentials, p -> Optional.empty());
        SiteManager manager = new SiteManager(store, store.load(), catalog, SiteDefaults.BUILT_IN,
                new Messages(Locale.ENGLISH), () -> null, owner -> new ScriptedSiteDialogs());

        String message = manager.saveQuickConnect(QuickConnect.parse("ftp.example.org", "2121", "bob", "hunter2"));

        assertTrue(message.contains("ftp.example.org"), message);
        SiteProfile p = store.load().sites().get(0);
        assertEquals(2121, p.port());
        assertEquals(LoginType.NORMAL, p.login());
        assertEquals("bob", p.user());
        assertEquals("hunter2", credentials.get(SiteSessions.credentialKey(p)).orElseThrow());
        assertFalse(Files.readString(store.file()).contains("hunter2"));
        List<Source> sources = manager.sources();
        assertEquals(1, sources.size());
        assertTrue(SiteManager.isSaved(sources.get(0)));
        assertEquals("hunter2", catalog.connectable(sources.get(0).site()).settings().credentials().password());
    }

    @Test
    void anonymousQuickConnectStoresNoPassword() throws Exception {
        SiteStore store = new SiteStore(dir, Clock.systemUTC());
        MemoryCredentialStore credentials = new MemoryCredentialStore();
        SiteManager manager = new SiteManager(store, store.load(), new SiteCatalog(credentials, p -> Optional.empty()),
                SiteDefaults.BUILT_IN, new Messages(Locale.ENGLISH), () -> null, owner -> new ScriptedSiteDialogs());
        manager.saveQuickConnect(QuickConnect.parse("mirror.example.org", "", "", ""));
        SiteProfile p = store.load().sites().get(0);
        assertEquals(LoginType.ANONYMOUS, p.login());
        assertTrue(credentials.get(SiteSessions.credentialKey(p)).isEmpty());
    }
}
