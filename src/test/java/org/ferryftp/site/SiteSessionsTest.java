package org.ferryftp.site;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteSessionsTest {


    private static SiteProfile profile() {
        return SiteProfile.builder("p1", "Box", "ftp.example.org").folder(List.of("Work")).port(2121)
                .login(LoginType.ACCOUNT).user("bob").account("acct")
                .charset(CharsetPolicy.parse("ISO-8859-1"))
                .data(DataConnectionSettings.ACTIVE.withActive(null, 50000, 50010, "203.0.113.5").withPreferEpsv(false))
                .representation(Representation.BINARY.withType(TransferType.EBCDIC).withStructure(FileStructure.RECORD)
                        .withMode(TransferMode.DEFLATE))
                .timeouts(Timeouts.ofSeconds(3, 4, 5)).keepAlive(Duration.ofSeconds(40)).maxConnections(5)
                .autoAscii(new AutoAscii(true, List.of("txt"))).fxp(new FxpPreferences(FxpPassiveSide.SOURCE,
                        FxpRelay.ALWAYS)).build();
    }

    @Test
    void mapsEverySessionSetting() {
        SiteProfile p = profile();
        SessionSettings s = SiteSessions.settings(p, "pw");
        assertEquals("ftp.example.org", s.host());
        assertEquals(2121, s.port());
        assertEquals("bob", s.credentials().user());
        assertEquals("pw", s.credentials().password());
        assertEquals("acct", s.credentials().account());
        assertEquals(CharsetPolicy.parse("ISO-8859-1"), s.charset());
        assertEquals(DataConnectionMode.ACTIVE, s.data().mode());
        assertEquals(50000, s.data().activePortMin());
        assertEquals("203.0.113.5", s.data().activeExternalAddress());
        assertEquals(p.representation(), s.representation());
        assertEquals(Timeouts.ofSeconds(3, 4, 5), s.timeouts());
    }

    @Test
    void refAndConnectionCarryIdLimitsKeepAliveAndFxp() {
        SiteSessions.SiteConnection c = SiteSessions.connection(profile(), "pw");
        assertEquals("site:p1", c.ref().id());
        assertEquals("Work/Box", c.ref().name());
        assertEquals(5, c.ref().maxConnections());
        assertEquals(Duration.ofSeconds(40), c.keepAlive());
        assertEquals(FxpRelay.ALWAYS, c.fxp().relay());
        assertEquals(Optional.of("p1"), SiteSessions.profileId(c.ref().id()));
        assertEquals(Optional.empty(), SiteSessions.profileId("demo:demo-a"));
        assertTrue(c.ref().uploadViaTempName());
        assertFalse(SiteSessions.ref(profile().toBuilder().uploadViaTempName(false).build(), "pw").uploadViaTempName());
        assertTrue(c.ref().options().keepTimes());
        assertFalse(SiteSessions.ref(profile().toBuilder().keepTimes(false).build(), "pw").options().keepTimes());
    }

    @Test
    void theCatalogGivesTheQueueEachSavedSitesKeepAlive() {
        SiteCatalog catalog = new SiteCatalog(new MemoryCredentialStore(), p -> Optional.empty());
        SiteProfile p = profile();
        SiteProfile none = profile().toBuilder().id("p2").keepAlive(Duration.ZERO).build();
        catalog.setProfiles(List.of(p, none));
        assertEquals(Optional.of(Duration.ofSeconds(40)), catalog.keepAlive(SiteSessions.refId(p)));
        assertEquals(Optional.of(Duration.ZERO), catalog.keepAlive(SiteSessions.refId(none)));
        assertEquals(Optional.empty(), catalog.keepAlive("site:deleted"));
        assertEquals(Optional.empty(), catalog.keepAlive("ftp://quick@example.org"), "not a saved site");
    }

    @Test
    void loginTypesMapToCredentials() {
        SiteProfile p = profile();
        assertTrue(SiteSessions.credentials(p.toBuilder().login(LoginType.ANONYMOUS).build(), "x").isAnonymous());
        assertNull(SiteSessions.credentials(p.toBuilder().login(LoginType.NORMAL).build(), "x").account());
        assertEquals("x", SiteSessions.credentials(p.toBuilder().login(LoginType.ASK).build(), "x").password());
    }

    @Test
    void autoTypeChoosesAsciiByExtension() {
        SiteProfile p = profile();
        assertEquals(Representation.ASCII, SiteSessions.representationFor(p, "README.TXT"));
        assertEquals(Representation.BINARY, SiteSessions.representationFor(p, "photo.png"));
        SiteProfile fixed = p.toBuilder().autoAscii(AutoAscii.OFF).build();
        assertEquals(fixed.representation(), SiteSessions.representationFor(fixed, "README.txt"));
    }

    @Test
    void tlsModeDataProtectionAndTrustReachTheSession() {
        org.ferryftp.ftp.CertificateTrust trust = c -> true;
        SiteProfile p = profile().toBuilder().tls(TlsMode.EXPLICIT).build();
        org.ferryftp.ftp.TlsPolicy t = SiteSessions.settings(p, "pw", trust).tls();
        assertEquals(org.ferryftp.ftp.TlsPolicy.Mode.EXPLICIT, t.mode());
        assertTrue(t.protectData());
        assertSame(trust, t.trust());
        assertEquals(org.ferryftp.ftp.TlsPolicy.Mode.IMPLICIT, SiteSessions.settings(
                p.toBuilder().tls(TlsMode.IMPLICIT).build(), "pw").tls().mode());
        assertEquals(org.ferryftp.ftp.TlsPolicy.Mode.IF_OFFERED, SiteSessions.settings(
                p.toBuilder().tls(TlsMode.IF_OFFERED).build(), "pw").tls().mode());
        assertEquals(false, SiteSessions.settings(p.toBuilder().protectData(false).build(), "pw").tls().protectData());
        assertEquals(org.ferryftp.ftp.TlsPolicy.NONE,
                SiteSessions.settings(p.toBuilder().tls(TlsMode.NONE).build(), "pw").tls());
    }

    @Test
    void catalogFillsInStoredPasswordsAndAsksOnceForAskSites() throws IOException {
        MemoryCredentialStore store = new MemoryCredentialStore();
        AtomicInteger asked = new AtomicInteger();
        SiteCatalog catalog = new SiteCatalog(store, site -> {
            asked.incrementAndGet();
            return Optional.of("typed");
        });
        SiteProfile normal = profile().toBuilder().login(LoginType.NORMAL).build();
        SiteProfile ask = profile().toBuilder().id("p2").login(LoginType.ASK).build();
        catalog.setProfiles(List.of(normal, ask));
        store.put(SiteSessions.credentialKey(normal), "stored");

        SiteRef placeholder = catalog.placeholder("site:p1").orElseThrow();
        assertNull(placeholder.settings().credentials().password(), "panes and the journal hold no password");
        assertEquals("stored", catalog.connectable(placeholder).settings().credentials().password());
        SiteRef askRef = catalog.placeholder("site:p2").orElseThrow();
        assertEquals("typed", catalog.connectable(askRef).settings().credentials().password());
        assertEquals("typed", catalog.connectable(askRef).settings().credentials().password());
        assertEquals(1, asked.get());
        assertTrue(store.get(SiteSessions.credentialKey(ask)).isEmpty(), "ask sites store nothing");

        SiteRef other = new SiteRef("demo:x", "Demo", SessionSettings.of("h", 21,
                org.ferryftp.ftp.Credentials.anonymous()), 1);
        assertSame(other, catalog.connectable(other));
        catalog.setProfiles(List.of());
        assertThrows(IOException.class, () -> catalog.connectable(placeholder));
        assertEquals(Optional.empty(), catalog.placeholder("site:p1"));
    }

    @Test
    void cancelledPromptFailsTheConnection() {
        SiteCatalog catalog = new SiteCatalog(new MemoryCredentialStore(), site -> Optional.empty());
        catalog.setProfiles(List.of(profile().toBuilder().login(LoginType.ASK).build()));
        SiteRef ref = catalog.placeholder("site:p1").orElseThrow();
        IOException e = assertThrows(IOException.class, () -> catalog.connectable(ref));
        assertTrue(e.getMessage().contains("no password"), e.getMessage());
    }

    @Test
    void newSitesTakeTheirDefaultsFromPreferences() {
        Preferences prefs = new Preferences(4, 5, null, org.ferryftp.transfer.RelayPolicy.ALWAYS, 0, 100, false);
        SiteProfile p = SiteDefaults.from(prefs).newSite("n", "New", "h");
        assertEquals(4, p.maxConnections());
        assertEquals(FxpRelay.ALWAYS, p.fxp().relay());
        assertEquals(prefs.queueSettings().keepAlive(), p.keepAlive());
        assertTrue(p.protectData());
    }

    @Test
    void anSftpSiteOffersAgentThenKeyFileThenPasswordWithItsTimeoutsAndHostKeyPolicy() {
        SiteProfile p = SiteProfile.builder("s1", "Build", "build.example.org").protocol(SiteProtocol.SFTP).port(2222)
                .user("deploy").ssh(new SshKeys("~/.ssh/id_ed25519", true)).timeouts(Timeouts.ofSeconds(7, 9, 11))
                .build();
        KnownHosts known = new KnownHosts(List.of(), Path.of("unused-known-hosts"));
        HostKeyPolicy policy = HostKeyPolicy.fingerprint("SHA256:x");
        SshAuth.Agent agent = new SshAuth.Agent(Path.of("/run/agent.sock"));
        SftpSettings s = SiteSessions.sftpSettings(p, "pw", Optional::empty,
                new SshEnvironment(known, policy, Optional.of(agent)));
        assertEquals("build.example.org", s.host());
        assertEquals(2222, s.port());
        assertEquals("deploy", s.user());
        assertEquals(3, s.auth().size());
        assertSame(agent, s.auth().get(0));
        assertEquals(Path.of(System.getProperty("user.home"), ".ssh/id_ed25519"),
                ((SshAuth.KeyFile) s.auth().get(1)).file(), "~/ is the user's home");
        assertEquals(new SshAuth.Password("pw"), s.auth().get(2));
        assertEquals(Duration.ofSeconds(7), s.connectTimeout());
        assertEquals(Duration.ofSeconds(9), s.replyTimeout());
        assertSame(known, s.hostKeys());
        assertSame(policy, s.policy());

        SftpSettings noAgentNoPassword = SiteSessions.sftpSettings(p.toBuilder().ssh(new SshKeys("/k", false)).build(),
                "", Optional::empty, new SshEnvironment(known, policy, Optional.of(agent)));
        assertEquals(List.of(Path.of("/k")), noAgentNoPassword.auth().stream()
                .map(a -> ((SshAuth.KeyFile) a).file()).toList());
    }

    @Test
    void anSftpSiteHasNoFtpSettingsAndAnFtpSiteNoSftpOnes() {
        SiteProfile sftp = SiteProfile.builder("s1", "Build", "h").protocol(SiteProtocol.SFTP).port(22).build();
        assertThrows(IllegalArgumentException.class, () -> SiteSessions.settings(sftp, "pw"));
        KnownHosts known = new KnownHosts(List.of(), Path.of("unused"));
        assertThrows(IllegalArgumentException.class, () -> SiteSessions.sftpSettings(profile(), "pw", Optional::empty,
                new SshEnvironment(known, HostKeyPolicy.KNOWN_ONLY, Optional.empty())));
        assertEquals(22, SiteProtocol.SFTP.defaultPort(TlsMode.NONE));
        assertEquals(990, SiteProtocol.FTP.defaultPort(TlsMode.IMPLICIT));
        assertEquals("sshkey/s1", SiteSessions.keyPassphraseKey(sftp));
        assertEquals(List.of("site/s1", "proxy/s1", "sshkey/s1"), SiteSessions.secretKeys(sftp),
                "the window loads every secret its form shows");
        SiteProfile withKey = sftp.toBuilder().ssh(new SshKeys("/k", true)).build();
        assertEquals(SiteSessions.ref(withKey, null), SiteSessions.ref(withKey, null),
                "a pane finds an SFTP site's password-free ref among its sources");
    }
}
