package org.ferryftp.site.store;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteStoreTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

    static SiteProfile site(String id) {
        Representation mainframe = Representation.BINARY.withType(TransferType.EBCDIC)
                .withFormat(FormatControl.CARRIAGE_CONTROL).withStructure(FileStructure.RECORD);
        return new SiteProfile(id, "Mainframe " + id, List.of("Work", "Legacy"), "mvs.example.org", 2121,
                TlsMode.EXPLICIT, LoginType.ACCOUNT, "ibmuser", "dept42", CharsetPolicy.parse("IBM037"),
                DataConnectionSettings.ACTIVE.withActive("0.0.0.0", 40000, 40100, "203.0.113.9"), mainframe, 3,
                "/home/me", "/u/ibmuser", List.of(new Bookmark("jcl", "/home/me/jcl", "/u/ibmuser/jcl")), "notes");
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
        Path aside = dir.resolve("sites.json.unreadable-20260506T070809Z");
        assertEquals("{ this is not json", Files.readString(aside));
        assertTrue(loaded.problem().orElseThrow().contains(aside.toString()), loaded.problem().toString());
        assertFalse(Files.exists(dir.resolve("sites.json")));
    }

    @Test
    void unknownVersionIsExplained() throws Exception {
        Files.writeString(dir.resolve("sites.json"), "{\"version\": 99, \"sites\": []}");
        SiteStore.Loaded loaded = new SiteStore(dir, clock).load();
        assertTrue(loaded.problem().orElseThrow().contains("version 99"), loaded.problem().toString());
    }
}
