package org.ferryftp.site.store;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.site.AutoAscii;
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.FxpPassiveSide;
import org.ferryftp.site.FxpPreferences;
import org.ferryftp.site.FxpRelay;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.SshKeys;
import org.ferryftp.site.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.ferryftp.site.SiteProxy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SiteStoreTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

    public static SiteProfile site(String id) {
        Representation mainframe = Representation.BINARY.withType(TransferType.EBCDIC)
                .withFormat(FormatControl.CARRIAGE_CONTROL).withStructure(FileStructure.RECORD);
        return SiteProfile.builder(id, "Mainframe " + id, "mvs.example.org").folder(List.of("Work", "Legacy"))
                .port(2121).tls(TlsMode.EXPLICIT).login(LoginType.ACCOUNT).user("ibmuser").account("dept42")
                .charset(CharsetPolicy.parse("IBM037"))
                .data(DataConnectionSettings.ACTIVE.withActive("0.0.0.0", 40000, 40100, "203.0.113.9"))
                .representation(mainframe).maxConnections(3).localDir("/home/me").remoteDir("/u/ibmuser")
                .bookmarks(List.of(new Bookmark("jcl", "/home/me/jcl", "/u/ibmuser/jcl"))).notes("notes")
                .colour("#3366cc").autoAscii(new AutoAscii(true, List.of("jcl", "txt")))
                .timeouts(Timeouts.ofSeconds(5, 7, 11)).keepAlive(Duration.ofSeconds(45))
                .fxp(new FxpPreferences(FxpPassiveSide.TARGET, FxpRelay.ASK)).protectData(false)
                .uploadViaTempName(false)
                .proxy(new SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS5, "proxy.example.org", 1081, "me"))
                .build();
    }

    @Test
    void roundTripsEverySetting() throws Exception {
        SiteStore store = new SiteStore(dir, clock);
        store.save(List.of(site("a"), site("b")));
        SiteStore.Loaded loaded = store.load();
        assertTrue(loaded.problem().isEmpty());
        assertEquals(List.of(site("a"), site("b")), loaded.sites());
        assertFalse(Files.readString(store.file()).toLowerCase().contains("password"));
    }

    @Test
    void aSiteFollowsTheDefaultProxyConnectsDirectlyOrHasItsOwnAndASiteWrittenBeforeDefaultsConnectsDirectly()
            throws Exception {
        SiteStore store = new SiteStore(dir, clock);
        SiteProfile viaDefault = SiteProfile.builder("d", "Default", "h").build();
        assertEquals(org.ferryftp.site.ProxyUse.DEFAULT, viaDefault.proxy(), "new sites follow the default");
        SiteProfile direct = viaDefault.toBuilder().id("n").name("Direct").proxy(null).build();
        store.save(List.of(viaDefault, direct, site("own")));
        assertEquals(List.of(viaDefault, direct, site("own")), store.load().sites());
        // sites.json as the previous version wrote it: no "proxy" meant a direct connection, and still does.
        String old = Files.readString(store.file()).replace("\"useDefaultProxy\" : true,", "");
        assertFalse(old.contains("useDefaultProxy"), old);
        Files.writeString(store.file(), old);
        assertEquals(org.ferryftp.site.ProxyUse.DIRECT, store.load().sites().get(0).proxy());
    }

    @Test
    void keepsThePreviousVersion() throws Exception {
        SiteStore store = new SiteStore(dir, clock);
        store.save(List.of(site("old")));
        store.save(List.of(site("new")));
        assertTrue(Files.readString(dir.resolve("sites.json.bak")).contains("\"old\""));
    }

    @Test
    void corruptFileIsSetAsideNeverReplaced() throws Exception {
        Files.writeString(dir.resolve("sites.json"), "{ this is not json");
        SiteStore.Loaded loaded = new SiteStore(dir, clock).load();
        assertTrue(loaded.sites().isEmpty());
        Path aside = dir.resolve("sites.json.damaged-20260506-070809");
        assertEquals("{ this is not json", Files.readString(aside));
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains(aside.toString()) && problem.contains(dir.resolve("sites.json").toString()), problem);
        assertFalse(Files.exists(dir.resolve("sites.json")));
    }

    @Test
    void aFileDamagedWhileRunningIsKeptAsideAndTheNextSaveLosesNothingThisStoreKnew() throws Exception {
        SiteStore store = new SiteStore(dir, clock);
        store.save(List.of(site("a"), site("b")));
        Files.writeString(store.file(), "{ damaged by something else");
        String problem = store.save(List.of(site("a"), site("b"), site("c"))).orElseThrow();
        assertTrue(problem.contains("sites.json.damaged-20260506-070809"), problem);
        assertTrue(store.save(List.of(site("a"))).isEmpty());
        store.save(List.of(site("a"), site("b"), site("c")));
        assertEquals(List.of(site("a"), site("b"), site("c")), new SiteStore(dir, clock).load().sites());
        assertEquals("{ damaged by something else", Files.readString(dir.resolve("sites.json.damaged-20260506-070809")));
    }

    @Test
    void anUpdateOfAnUnreadableFileFailsAndKeepsItAside() throws Exception {
        Files.writeString(dir.resolve("sites.json"), "[]");
        SiteStore store = new SiteStore(dir, clock);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> store.update(now -> new SiteStore.Changed<>(now, null)));
        assertTrue(e.getMessage().contains("sites.json.damaged-20260506-070809"), e.getMessage());
        assertEquals("[]", Files.readString(dir.resolve("sites.json.damaged-20260506-070809")));
    }

    @Test
    void aSaveKeepsWhatAnotherProcessAddedChangedOrDeletedMeanwhile() throws Exception {
        SiteStore setup = new SiteStore(dir, clock);
        setup.save(List.of(site("a"), site("b"), site("c")), List.of(List.of("Old")));
        SiteStore window = new SiteStore(dir, clock);
        SiteStore other = new SiteStore(dir, clock);
        window.load();
        SiteStore.Loaded theirs = other.load();

        SiteProfile renamedB = site("b").toBuilder().name("B renamed there").build();
        other.save(List.of(site("a"), renamedB, site("d")), List.of(List.of("Old"), List.of("Theirs")));
        SiteProfile changedA = site("a").toBuilder().notes("changed here").build();
        window.save(List.of(changedA, site("b"), site("e")), List.of(List.of("Old"), List.of("Mine")));

        SiteStore.Loaded now = new SiteStore(dir, clock).load();
        assertEquals(List.of(changedA, renamedB, site("e"), site("d")), now.sites(),
                "c was deleted there, d added there, b renamed there; a changed and e added here");
        assertEquals(List.of(List.of("Old"), List.of("Mine"), List.of("Theirs")), now.folders());
        assertEquals(3, theirs.sites().size());

        window.save(List.of(changedA), List.of(List.of("Mine")));
        SiteStore.Loaded after = new SiteStore(dir, clock).load();
        assertEquals(List.of(changedA, renamedB, site("d")), after.sites(),
                "e deleted here; b deleted here too, but the change made there to it is not thrown away");
        assertEquals(List.of(List.of("Mine"), List.of("Theirs")), after.folders());
    }

    @Test
    void twoThreadsUpdatingAtOnceKeepEveryAddition() throws Exception {
        SiteStore a = new SiteStore(dir, clock);
        SiteStore b = new SiteStore(dir, clock);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (SiteStore store : List.of(a, b)) {
                String prefix = store == a ? "a" : "b";
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        SiteProfile added = SiteProfile.builder(prefix + i, prefix + i, "h").build();
                        store.update(now -> {
                            List<SiteProfile> sites = new java.util.ArrayList<>(now.sites());
                            sites.add(added);
                            return new SiteStore.Changed<>(new SiteStore.Contents(sites, now.folders()), null);
                        });
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, new SiteStore(dir, clock).load().sites().size());
    }

    @Test
    void unknownVersionIsExplained() throws Exception {
        Files.writeString(dir.resolve("sites.json"), "{\"version\": 99, \"sites\": []}");
        SiteStore.Loaded loaded = new SiteStore(dir, clock).load();
        assertTrue(loaded.problem().orElseThrow().contains("version 99"), loaded.problem().toString());
    }

    @Test
    void keepsExplicitEmptyFolders() throws Exception {
        SiteStore store = new SiteStore(dir, clock);
        store.save(List.of(site("a")), List.of(List.of("Empty"), List.of("Work", "Later")));
        SiteStore.Loaded loaded = store.load();
        assertEquals(List.of(List.of("Empty"), List.of("Work", "Later")), loaded.folders());
        assertEquals(List.of(site("a")), loaded.sites());
    }

    @Test
    void preserveTimestampsOffIsSavedAndReadBack() throws Exception {
        SiteStore store = new SiteStore(dir, clock);
        store.save(List.of(site("a").toBuilder().keepTimes(false).build(), site("b")), List.of());
        assertTrue(Files.readString(dir.resolve("sites.json")).contains("\"keepTimes\" : false"));
        List<SiteProfile> back = new SiteStore(dir, clock).load().sites();
        assertFalse(back.get(0).keepTimes());
        assertTrue(back.get(1).keepTimes());
    }

    @Test
    void versionOneFileLoadsWithDefaultsForTheNewFields() throws Exception {
        Files.writeString(dir.resolve("sites.json"), """
                {"version": 1, "sites": [{"id": "old", "name": "Old box", "folder": ["Work"], "host": "ftp.example.org",
                  "port": 2121, "tls": "EXPLICIT", "login": "NORMAL", "user": "bob", "account": null, "charset": "auto",
                  "data": {"mode": "ACTIVE", "preferEpsv": true, "usePasvAddress": false, "activeBindAddress": null,
                           "activePortMin": 0, "activePortMax": 0, "activeExternalAddress": null, "preferEprt": false},
                  "representation": {"type": "A", "format": "N", "byteSize": 8, "structure": "F", "mode": "S",
                                     "ebcdicCodePage": "IBM1047"},
                  "maxConnections": 3, "localDir": "/l", "remoteDir": "/r", "bookmarks": [], "notes": "n"}]}
                """);
        SiteStore.Loaded loaded = new SiteStore(dir, clock).load();
        assertTrue(loaded.problem().isEmpty(), loaded.problem().toString());
        SiteProfile old = loaded.sites().get(0);
        assertEquals("Old box", old.name());
        assertEquals(2121, old.port());
        assertEquals(3, old.maxConnections());
        assertEquals(TransferType.ASCII, old.representation().type());
        assertEquals(null, old.colour());
        assertTrue(old.protectData(), "PROT P unless the user said otherwise");
        assertTrue(old.uploadViaTempName(), "uploads go to a temporary name unless the user said otherwise");
        assertTrue(old.keepTimes(), "timestamps are preserved unless the user said otherwise");
        assertEquals(FxpPreferences.DEFAULT, old.fxp());
        assertEquals(Timeouts.DEFAULT, old.timeouts());
        assertFalse(old.autoAscii().enabled());
        assertTrue(loaded.folders().isEmpty());
        assertEquals(SiteProtocol.FTP, old.protocol(), "files from before SFTP hold FTP sites");
        assertEquals(SshKeys.NONE, old.ssh());
    }

    @Test
    void roundTripsAnSftpSiteWithItsKeyFileAndAgentChoiceButNoPassphrase() throws Exception {
        SiteProfile sftp = SiteProfile.builder("s", "Build box", "build.example.org").protocol(SiteProtocol.SFTP)
                .port(2222).user("deploy").ssh(new SshKeys("/home/me/.ssh/id_ed25519", true)).build();
        SiteStore store = new SiteStore(dir, clock);
        store.save(List.of(sftp, site("a")));
        SiteStore.Loaded loaded = store.load();
        assertTrue(loaded.problem().isEmpty(), loaded.problem().toString());
        assertEquals(List.of(sftp, site("a")), loaded.sites());
        String text = Files.readString(store.file());
        assertTrue(text.contains("\"protocol\" : \"SFTP\""), text);
        assertFalse(text.toLowerCase().contains("passphrase"), text);
    }

    @Test
    void aDamagedProtocolOrKeyValueIsOneLineAndTheFileIsKeptAside() throws Exception {
        for (String[] c : new String[][] {{"\"protocol\": \"GOPHER\"", "site x: unknown protocol \"GOPHER\""},
                {"\"protocol\": \"SFTP\", \"login\": \"ACCOUNT\"", "site x: an SFTP site has no FTP account login"},
                {"\"ssh\": {\"useAgent\": \"perhaps\"}", "site x: ssh useAgent \"perhaps\" is not true or false"}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SiteJson.read("{\"version\": 2, \"sites\": [{\"id\": \"x\", \"name\": \"n\", \"host\": \"h\", "
                            + c[0] + "}]}"));
            assertEquals(c[1], e.getMessage());
        }
        String damaged = "{\"version\": 2, \"sites\": [{\"id\": \"x\", \"name\": \"n\", \"host\": \"h\", "
                + "\"protocol\": \"GOPHER\"}]}";
        Files.writeString(dir.resolve("sites.json"), damaged);
        SiteStore.Loaded loaded = new SiteStore(dir, clock).load();
        String problem = loaded.problem().orElseThrow();
        assertFalse(problem.contains("\n"), problem);
        assertTrue(problem.contains("unknown protocol \"GOPHER\""), problem);
        assertEquals(damaged, Files.readString(dir.resolve("sites.json.damaged-20260506-070809")));
    }

    @Test
    void savingAVersionOneFileWritesTheCurrentVersion() throws Exception {
        Files.writeString(dir.resolve("sites.json"), """
                {"version": 1, "sites": [{"id": "old", "name": "Old", "host": "h"}]}
                """);
        SiteStore store = new SiteStore(dir, clock);
        SiteStore.Loaded loaded = store.load();
        store.save(loaded.sites(), loaded.folders());
        String text = Files.readString(store.file());
        assertTrue(text.contains("\"version\" : " + SiteJson.VERSION), text);
        assertTrue(text.contains("\"protectData\" : true"), text);
        assertTrue(text.contains("\"uploadViaTempName\" : true"), text);
        assertTrue(Files.readString(dir.resolve("sites.json.bak")).contains("\"version\": 1"));
        assertEquals(loaded.sites(), store.load().sites());
    }

    /** Found by fuzzing sites.json: an empty code threw StringIndexOutOfBoundsException, an unknown one Java's enum text. */
    @Test
    void badFieldsAreRefusedWithTheSiteAndTheFieldNamed() throws Exception {
        String[][] cases = {
                {"\"representation\": {\"type\": \"\"}", "site x: representation type \"\" is not a one-letter code"},
                {"\"representation\": {\"ebcdicCodePage\": \"\"}", "site x: unknown EBCDIC code page \"\""},
                {"\"data\": {\"mode\": \"zz\"}", "site x: unknown mode \"zz\""},
                {"\"tls\": \"maybe\"", "site x: unknown tls \"maybe\""}};
        for (String[] c : cases) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SiteJson.read("{\"version\": 1, \"sites\": [{\"id\": \"x\", \"name\": \"n\", \"host\": \"h\", "
                            + c[0] + "}]}"));
            assertEquals(c[1], e.getMessage());
        }
    }
}
