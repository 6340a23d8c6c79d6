package org.ferryftp.fs;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.session.SessionException;
import org.ferryftp.testsupport.MemoryServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A closed browser stays closed: work still under way (a search, a tree listing) must not log in again. */
class RemoteBrowserCloseTest {

    @Test
    void noNewConnectionAfterClose() throws Exception {
        MemoryServer server = new MemoryServer();
        server.put("/d/x.txt", new byte[1]);
        SiteRef site = new SiteRef("m", "M", SessionSettings.of("127.0.0.1", 21, Credentials.anonymous()), 1);
        AtomicInteger logins = new AtomicInteger();
        RemoteBrowser browser = new RemoteBrowser("M", "mem://", () -> {
            logins.incrementAndGet();
            return server.sessions().open(site);
        });
        browser.list("/d");
        browser.close();
        assertThrows(SessionException.class, () -> browser.list("/d"));
        assertEquals(1, logins.get());
    }
}
