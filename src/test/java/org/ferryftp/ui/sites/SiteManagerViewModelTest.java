package org.ferryftp.ui.sites;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.SiteKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site manager's view model without a window: every command, validation, and a failing save. */
class SiteManagerViewModelTest {

    @TempDir
    Path dir;
    SiteStore store;
    final ScriptedSiteDialogs dialogs = new ScriptedSiteDialogs();
    final List<String> connected = new ArrayList<>();
    final AtomicInteger ids = new AtomicInteger();
    final Messages msg = new Messages(Locale.ENGLISH);
    SiteManagerViewModel vm;

    final MemoryCredentialStore credentials = new MemoryCredentialStore();

    @BeforeEach
    void setUp() {
        store = new SiteStore(dir, Clock.systemUTC());
        vm = open(new Preferences(3, 5, null, RelayPolicy.ALWAYS, 0, 100, false));
    }

    private SiteManagerViewModel open(Preferences prefs) {
        return new SiteManagerViewModel(store, store.load(), credentials, SiteDefaults.from(prefs), dialogs, msg,
                (side, p) -> {
                    connected.add(side + " " + p.name());
                    return p.tls() == org.ferryftp.site.TlsMode.IMPLICIT ? Optional.of("no FTPS yet") : Optional.empty();
                }, sites -> { }, () -> "id" + ids.incrementAndGet());
    }

    private SiteProfile createSite(String name, String host) {
        vm.newSite();
        vm.form().name.set(name);
        vm.form().host.set(host);
        vm.form().user.set("bob");
        vm.form().password.set("pw-" + name);
        assertTrue(vm.save(), vm.errorProperty().get());
        return saved(name);
    }

    private SiteProfile saved(String name) {
        return store.load().sites().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSaveKeepsASiteAnotherFerrySavedMeanwhileAndSaysWhereADamagedFileWent() throws Exception {
        createSite("Mine", "a.example.org");
        SiteStore other = new SiteStore(dir, Clock.systemUTC());
        List<SiteProfile> theirs = new java.util.ArrayList<>(other.load().sites());
        theirs.add(SiteProfile.builder("theirs", "Theirs", "t.example.org").build());
        other.save(theirs);

        createSite("Second", "b.example.org");
        assertEquals(List.of("Mine", "Second", "Theirs"), new SiteStore(dir, Clock.systemUTC()).load().sites().stream()
                .map(SiteProfile::name).sorted().toList());

        Files.writeString(store.file(), "{ damaged meanwhile");
        vm.newSite();
        vm.form().name.set("Third");
        vm.form().host.set("c.example.org");
        assertTrue(vm.save(), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains(store.file() + ".damaged-"), vm.errorProperty().get());
        assertEquals(List.of("Mine", "Second", "Third"), new SiteStore(dir, Clock.systemUTC()).load().sites().stream()
                .map(SiteProfile::name).sorted().toList(), "what the window knew is saved; the damaged file is kept aside");
    }

    @Test
    void createsASiteWithDefaultsFromPreferencesAndThePasswordOutsideTheFile() throws Exception {
        SiteProfile p = createSite("Box", "ftp.example.org");
        assertEquals("ftp.example.org", p.host());
        assertEquals(3, p.maxConnections(), "from preferences");
        assertEquals(org.ferryftp.site.FxpRelay.ALWAYS, p.fxp().relay(), "from preferences");
        assertEquals("pw-Box", credentials.get(SiteSessions.credentialKey(p)).orElse(null));
        assertFalse(Files.readString(store.file()).contains("pw-Box"));
        assertEquals(List.of("Box"), vm.treeProperty().get().outline());
    }

    @Test
    void everyFormFieldReachesTheSavedProfile() {
        vm.newSite();
        SiteForm f = vm.form();
        f.name.set("Mainframe");
        f.host.set("mvs.example.org");
        f.port.set("2121");
        f.login.set(LoginType.ACCOUNT);
        f.user.set("ibmuser");
        f.account.set("dept42");
        f.colour.set("#3366CC");
        f.dataMode.set(DataConnectionMode.ACTIVE);
        f.activePortMin.set("40000");
        f.activePortMax.set("40100");
        f.activeExternal.set("203.0.113.9");
        f.type.set(TypeChoice.EBCDIC);
        f.format.set(org.ferryftp.ftp.repr.FormatControl.CARRIAGE_CONTROL);
        f.ebcdicCodePage.set("IBM037");
        f.structure.set(org.ferryftp.ftp.repr.FileStructure.RECORD);
        f.charset.set(CharsetChoice.NAMED);
        f.charsetName.set("ISO-8859-1");
        f.connectTimeout.set("7");
        f.keepAlive.set("45");
        f.remoteDir.set("/u/ibmuser");
        f.protectData.set(false);
        f.uploadViaTempName.set(false);
        f.keepTimes.set(false);
        assertTrue(vm.save(), vm.errorProperty().get());
        SiteProfile p = saved("Mainframe");
        assertEquals(2121, p.port());
        assertEquals("dept42", p.account());
        assertEquals("#3366cc", p.colour());
        assertEquals(40000, p.data().activePortMin());
        assertEquals("203.0.113.9", p.data().activeExternalAddress());
        assertEquals("TYPE E C, STRU R, MODE S", p.representation().describe());
        assertEquals("IBM037", p.representation().ebcdicCodePage().name());
        assertEquals(CharsetPolicy.parse("ISO-8859-1"), p.charset());
        assertEquals(7, p.timeouts().connect().toSeconds());
        assertEquals(45, p.keepAlive().toSeconds());
        assertEquals("/u/ibmuser", p.remoteDir());
        assertFalse(p.protectData());
        assertFalse(p.uploadViaTempName());
        assertFalse(p.keepTimes());
    }

    @Test
    void aProxyIsSavedWithItsPasswordInTheCredentialStoreAndComesBackInTheForm() throws Exception {
        SiteProfile p = createSite("Behind", "ftp.example.org");
        SiteForm f = vm.form();
        assertEquals(ProxyChoice.DEFAULT, f.proxy.get(), "a new site follows the default proxy");
        f.proxy.set(ProxyChoice.SOCKS5);
        f.proxyHost.set("proxy.example.org");
        f.proxyUser.set("me");
        f.proxyPassword.set("proxy-secret");
        assertTrue(vm.save(), vm.errorProperty().get());
        SiteProfile saved = saved("Behind");
        assertEquals(new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS5, "proxy.example.org",
                1080, "me"), saved.proxy().own(), "an empty port means the type's usual one");
        assertEquals("proxy-secret", credentials.get(SiteSessions.proxyCredentialKey(saved)).orElse(null));
        assertFalse(Files.readString(store.file()).contains("proxy-secret"));
        assertEquals("proxy-secret", SiteSessions.settings(saved, "pw", org.ferryftp.ftp.CertificateTrust.REJECT,
                "proxy-secret").proxy().password());

        // Active mode cannot go through a proxy: the form says so and nothing is saved.
        f.dataMode.set(DataConnectionMode.ACTIVE);
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("Passive mode is required through a proxy"),
                vm.errorProperty().get());
        f.dataMode.set(DataConnectionMode.PASSIVE);
        f.proxyHost.set(" ");
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("proxy needs a host"), vm.errorProperty().get());

        // The default proxy instead: the site's own proxy and its password are forgotten.
        f.proxy.set(ProxyChoice.DEFAULT);
        assertTrue(vm.save(), vm.errorProperty().get());
        assertEquals(org.ferryftp.site.ProxyUse.DEFAULT, saved("Behind").proxy());
        assertEquals(Optional.empty(), credentials.get(SiteSessions.proxyCredentialKey(p)));
        // Back to no proxy: the profile connects directly.
        f.proxy.set(ProxyChoice.NONE);
        assertTrue(vm.save(), vm.errorProperty().get());
        assertEquals(org.ferryftp.site.ProxyUse.DIRECT, saved("Behind").proxy());
    }

    @Test
    void invalidInputShowsAMessageAndSavesNothing() throws Exception {
        createSite("Box", "ftp.example.org");
        String before = Files.readString(store.file());
        vm.form().port.set("70000");
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("1 to 65535"), vm.errorProperty().get());
        vm.form().port.set("21");
        vm.form().host.set(" ");
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("host"), vm.errorProperty().get());
        vm.form().host.set("ftp.example.org");
        vm.form().charset.set(CharsetChoice.NAMED);
        vm.form().charsetName.set("no-such-charset");
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("no-such-charset"), vm.errorProperty().get());
        vm.form().charset.set(CharsetChoice.AUTO);
        vm.form().activePortMin.set("5000");
        vm.form().activePortMax.set("4000");
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("port range"), vm.errorProperty().get());
        assertEquals(before, Files.readString(store.file()));
        vm.form().activePortMax.set("6000");
        assertTrue(vm.save());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aFailedSaveShowsAMessageAndKeepsThePreviousFile() throws Exception {
        createSite("Box", "ftp.example.org");
        String before = Files.readString(store.file());
        // A non-empty directory where the backup goes makes the atomic replace fail before the rename.
        Files.deleteIfExists(dir.resolve("sites.json.bak"));
        Files.createDirectories(dir.resolve("sites.json.bak").resolve("blocker"));
        vm.form().port.set("2100");
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("previous file is unchanged"), vm.errorProperty().get());
        assertEquals(before, Files.readString(store.file()));
    }

    @Test
    void duplicateCopiesSettingsAndPassword() {
        SiteProfile p = createSite("Box", "ftp.example.org");
        vm.duplicate();
        SiteProfile copy = saved("Box (copy)");
        assertEquals(p.host(), copy.host());
        assertFalse(p.id().equals(copy.id()));
        assertEquals("pw-Box", credentials.get(SiteSessions.credentialKey(copy)).orElse(null));
        assertEquals(new SiteKey(copy.id()), vm.selectedProperty().get());
    }

    @Test
    void renamesSitesAndFolders() {
        dialogs.name = "Work";
        vm.newFolder();
        assertEquals(new FolderKey(List.of("Work")), vm.selectedProperty().get());
        createSite("Box", "ftp.example.org");
        assertEquals(List.of("Work"), saved("Box").folder());
        dialogs.name = "Server";
        vm.rename();
        assertEquals("ftp.example.org", saved("Server").host());
        vm.selectedProperty().set(new FolderKey(List.of("Work")));
        dialogs.name = "Job";
        vm.rename();
        assertEquals(List.of("Job"), saved("Server").folder());
        assertEquals(List.of("Job/", "  Server"), vm.treeProperty().get().outline());
        dialogs.name = "a/b";
        vm.rename();
        assertTrue(vm.errorProperty().get().contains("/"));
        assertEquals(List.of("Job"), saved("Server").folder());
    }

    @Test
    void deleteAsksFirstAndForgetsThePassword() {
        SiteProfile p = createSite("Box", "ftp.example.org");
        dialogs.confirm = false;
        vm.delete();
        assertEquals(1, store.load().sites().size());
        dialogs.confirm = true;
        vm.delete();
        assertTrue(store.load().sites().isEmpty());
        assertFalse(credentials.get(SiteSessions.credentialKey(p)).isPresent());
        assertTrue(dialogs.asked.get(0).contains("Box"), dialogs.asked.toString());
    }

    @Test
    void deletingAFolderDeletesWhatIsInIt() {
        dialogs.name = "Old";
        vm.newFolder();
        createSite("A", "a.example.org");
        vm.selectedProperty().set(new FolderKey(List.of("Old")));
        createSite("B", "b.example.org");
        vm.selectedProperty().set(new FolderKey(List.of("Old")));
        vm.delete();
        assertTrue(dialogs.asked.get(dialogs.asked.size() - 1).contains("2 sites"), dialogs.asked.toString());
        assertTrue(store.load().sites().isEmpty());
        assertTrue(store.load().folders().isEmpty());
    }

    @Test
    void moveIntoAFolderIsSaved() {
        dialogs.name = "Target";
        vm.newFolder();
        vm.selectedProperty().set(new FolderKey(List.of()));
        SiteProfile p = createSite("Box", "ftp.example.org");
        assertEquals(List.of(), p.folder());
        vm.move(p.id(), List.of("Target"));
        assertEquals(List.of("Target"), saved("Box").folder());
        assertEquals(List.of("Target/", "  Box"), vm.treeProperty().get().outline());
    }

    @Test
    void searchFiltersTheTree() {
        dialogs.name = "Work";
        vm.newFolder();
        createSite("Alpha", "alpha.example.org");
        vm.selectedProperty().set(new FolderKey(List.of()));
        createSite("Beta", "files.beta.net");
        vm.searchProperty().set("beta");
        assertEquals(List.of("Beta"), vm.treeProperty().get().outline());
        vm.searchProperty().set("ALPHA.example");
        assertEquals(List.of("Work/", "  Alpha"), vm.treeProperty().get().outline());
        vm.searchProperty().set("");
        assertEquals(List.of("Work/", "  Alpha", "Beta"), vm.treeProperty().get().outline());
    }

    @Test
    void askForPasswordSitesStoreNothingAndConnectSavesFirst() {
        SiteProfile p = createSite("Box", "ftp.example.org");
        vm.form().login.set(LoginType.ASK);
        vm.connect(PaneSide.RIGHT);
        assertEquals(List.of("RIGHT Box"), connected);
        assertEquals(LoginType.ASK, saved("Box").login());
        assertFalse(credentials.get(SiteSessions.credentialKey(p)).isPresent());
        vm.form().host.set("");
        vm.connect(PaneSide.LEFT);
        assertEquals(List.of("RIGHT Box"), connected, "an invalid form does not connect");
        vm.form().host.set("ftp.example.org");
        vm.form().tls.set(org.ferryftp.site.TlsMode.IMPLICIT);
        vm.connect(PaneSide.LEFT);
        assertEquals("no FTPS yet", vm.errorProperty().get(), "the connector's refusal is shown");
    }

    @Test
    void editsAreKeptWhenSwitchingToAnotherSite() {
        SiteProfile a = createSite("A", "a.example.org");
        vm.selectedProperty().set(new FolderKey(List.of()));
        createSite("B", "b.example.org");
        vm.selectedProperty().set(new SiteKey(a.id()));
        assertEquals("a.example.org", vm.form().host.get());
        vm.form().port.set("2222");
        vm.selectedProperty().set(new FolderKey(List.of()));
        assertEquals(2222, saved("A").port());
    }

    @Test
    void importFromFileZillaReportsCountAndUnreadablePasswords() throws Exception {
        Path xml = dir.resolve("sitemanager.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3><Servers><Folder>Work
                  <Server><Host>a.example.org</Host><Port>21</Port><Protocol>0</Protocol><Logontype>1</Logontype>
                    <User>ann</User><Pass encoding="base64">c2VjcmV0</Pass><Name>Alpha</Name></Server>
                  <Server><Host>b.example.org</Host><Protocol>0</Protocol><Logontype>1</Logontype>
                    <User>ben</User><Pass encoding="crypt">xyz</Pass><Name>Locked</Name></Server>
                </Folder></Servers></FileZilla3>
                """);
        dialogs.file = xml;
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm).run();
        assertEquals(2, store.load().sites().size());
        SiteProfile alpha = saved("Alpha");
        assertEquals(List.of("Work"), alpha.folder());
        assertEquals("secret", credentials.get(SiteSessions.credentialKey(alpha)).orElseThrow());
        assertTrue(credentials.get(SiteSessions.credentialKey(saved("Locked"))).isEmpty());
        String summary = dialogs.shown.get(0);
        assertTrue(summary.startsWith("Imported 2 sites."), summary);
        assertTrue(summary.contains("Work/Locked"), summary);
        assertFalse(Files.readString(store.file()).contains("secret"));
    }

    @Test
    void importOfSftpSitesTakesTheKeyFilesOfTheFileZillaSettingsBesideTheFile() throws Exception {
        Path xml = dir.resolve("sitemanager.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3><Servers>
                  <Server><Host>s.example.org</Host><Port>2222</Port><Protocol>1</Protocol><Logontype>1</Logontype>
                    <User>ann</User><Pass encoding="base64">c2VjcmV0</Pass><Name>Shell</Name></Server>
                </Servers></FileZilla3>
                """);
        Files.writeString(dir.resolve("filezilla.xml"), """
                <FileZilla3><Settings><Setting name="SFTP keyfiles">/home/ann/.ssh/id_ed25519
                </Setting></Settings></FileZilla3>
                """);
        dialogs.file = xml;
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm).run();
        SiteProfile shell = saved("Shell");
        assertEquals(org.ferryftp.site.SiteProtocol.SFTP, shell.protocol());
        assertEquals(2222, shell.port());
        assertEquals("/home/ann/.ssh/id_ed25519", shell.ssh().keyFile());
        assertEquals("secret", credentials.get(SiteSessions.credentialKey(shell)).orElseThrow());

        Files.writeString(dir.resolve("filezilla.xml"), "{ not xml");
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm).run();
        assertTrue(dialogs.shown.get(1).contains("filezilla.xml"), dialogs.shown.get(1));
        assertEquals(2, store.load().sites().size(), "a damaged settings file costs only its keys");
    }

    @Test
    void fileZillasProxyBecomesTheDefaultProxyAndItsSitesFollowItUnlessTheyBypassIt() throws Exception {
        Path xml = dir.resolve("sitemanager.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3><Servers>
                  <Server><Host>a.example.org</Host><Protocol>0</Protocol><Logontype>0</Logontype><Name>Through</Name>
                    <BypassProxy>0</BypassProxy></Server>
                  <Server><Host>b.example.org</Host><Protocol>0</Protocol><Logontype>0</Logontype><Name>Around</Name>
                    <BypassProxy>1</BypassProxy></Server>
                </Servers></FileZilla3>
                """);
        Files.writeString(dir.resolve("filezilla.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3 version="3.66.5" platform="*nix"><Settings>
                  <Setting name="Proxy type">2</Setting>
                  <Setting name="Proxy host">socks.example.org</Setting>
                  <Setting name="Proxy port">1081</Setting>
                  <Setting name="Proxy user">ann</Setting>
                  <Setting name="Proxy password">proxy-secret</Setting>
                </Settings></FileZilla3>
                """);
        org.ferryftp.site.PreferencesStore prefs = new org.ferryftp.site.PreferencesStore(dir.resolve("config"));
        List<org.ferryftp.site.SiteProxy> applied = new java.util.ArrayList<>();
        org.ferryftp.site.DefaultProxyStore defaultProxy = new org.ferryftp.site.DefaultProxyStore(prefs, credentials,
                applied::add);
        dialogs.file = xml;
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm, defaultProxy).run();
        org.ferryftp.site.SiteProxy socks = new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS5,
                "socks.example.org", 1081, "ann");
        assertEquals(socks, prefs.load().preferences().defaultProxy());
        assertEquals(List.of(socks), applied, "the running catalog hears of it");
        assertEquals("proxy-secret", credentials.get(SiteSessions.DEFAULT_PROXY_KEY).orElseThrow());
        assertEquals(org.ferryftp.site.ProxyUse.DEFAULT, saved("Through").proxy());
        assertEquals(org.ferryftp.site.ProxyUse.DIRECT, saved("Around").proxy());
        assertTrue(dialogs.shown.get(0).contains("FileZilla's proxy socks5://socks.example.org:1081 (ann) is now"
                + " Ferry's default proxy"), dialogs.shown.get(0));
        assertEquals(List.of(), proxyQuestions(), "nothing to replace, nothing asked");

        // A different default already set is replaced only when the user says so.
        org.ferryftp.site.SiteProxy http = new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.HTTP,
                "web.example.org", 3128, "");
        defaultProxy.set(http, "");
        dialogs.replaceProxy = false;
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm, defaultProxy).run();
        assertEquals(List.of("replace proxy http://web.example.org:3128 with socks5://socks.example.org:1081 (ann)"),
                proxyQuestions());
        assertEquals(http, prefs.load().preferences().defaultProxy());
        assertTrue(dialogs.shown.get(1).contains("Ferry's default proxy http://web.example.org:3128 was kept"),
                dialogs.shown.get(1));
        dialogs.replaceProxy = true;
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm, defaultProxy).run();
        assertEquals(socks, prefs.load().preferences().defaultProxy());
    }

    private List<String> proxyQuestions() {
        return dialogs.asked.stream().filter(q -> q.startsWith("replace proxy")).toList();
    }

    @Test
    void anSftpSiteKeepsItsKeyFileAndAgentChoiceAndItsPassphraseOnlyInTheCredentialStore() throws Exception {
        vm.newSite();
        SiteForm f = vm.form();
        f.name.set("Shell");
        f.host.set("ssh.example.org");
        assertEquals("21", f.port.get());
        f.protocol.set(org.ferryftp.site.SiteProtocol.SFTP);
        assertEquals("22", f.port.get(), "a default port follows the protocol");
        f.user.set("ann");
        f.password.set("pw");
        dialogs.keyFile = dir.resolve("id_ed25519");
        vm.chooseKeyFile();
        assertEquals(dir.resolve("id_ed25519").toString(), f.keyFile.get());
        f.keyPassphrase.set("open sesame");
        f.useAgent.set(true);
        assertTrue(vm.save(), vm.errorProperty().get());

        SiteProfile p = saved("Shell");
        assertEquals(org.ferryftp.site.SiteProtocol.SFTP, p.protocol());
        assertEquals(22, p.port());
        assertEquals(new org.ferryftp.site.SshKeys(dir.resolve("id_ed25519").toString(), true), p.ssh());
        assertEquals("open sesame", credentials.get(SiteSessions.keyPassphraseKey(p)).orElseThrow());
        assertEquals("pw", credentials.get(SiteSessions.credentialKey(p)).orElseThrow());
        assertFalse(Files.readString(store.file()).contains("open sesame"));

        vm.selectedProperty().set(new FolderKey(List.of()));
        vm.selectedProperty().set(new SiteKey(p.id()));
        assertEquals("open sesame", f.keyPassphrase.get(), "the form shows the stored passphrase again");
        assertEquals("22", f.port.get());
        vm.duplicate();
        SiteProfile copy = saved("Shell (copy)");
        assertEquals("open sesame", credentials.get(SiteSessions.keyPassphraseKey(copy)).orElseThrow());
        dialogs.confirm = true;
        vm.delete();
        assertTrue(credentials.get(SiteSessions.keyPassphraseKey(copy)).isEmpty(), "deleting forgets the passphrase");
    }

    @Test
    void anSftpSiteRefusesAnAccountLoginAndAPortThatWasChangedStaysWhenTheProtocolChanges() {
        vm.newSite();
        SiteForm f = vm.form();
        f.name.set("Shell");
        f.host.set("ssh.example.org");
        f.port.set("2222");
        f.protocol.set(org.ferryftp.site.SiteProtocol.SFTP);
        assertEquals("2222", f.port.get());
        f.login.set(LoginType.ACCOUNT);
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get().contains("SFTP has no account login"), vm.errorProperty().get());
        f.login.set(LoginType.NORMAL);
        f.protocol.set(org.ferryftp.site.SiteProtocol.FTP);
        f.port.set("21");
        f.tls.set(org.ferryftp.site.TlsMode.IMPLICIT);
        assertEquals("990", f.port.get());
        f.keyFile.set("/some/key");
        assertTrue(vm.save(), vm.errorProperty().get());
        assertEquals(org.ferryftp.site.SshKeys.NONE, saved("Shell").ssh(), "an FTP site keeps no key");
    }

    @Test
    void importOfANonFileZillaFileSaysSoAndChangesNothing() throws Exception {
        Path xml = dir.resolve("other.xml");
        Files.writeString(xml, "<html/>");
        dialogs.file = xml;
        new FileZillaImport(new org.ferryftp.site.importer.FileZillaImporter(), vm).run();
        assertTrue(dialogs.shown.get(0).contains("Could not import"), dialogs.shown.toString());
        assertTrue(store.load().sites().isEmpty());
    }
}
