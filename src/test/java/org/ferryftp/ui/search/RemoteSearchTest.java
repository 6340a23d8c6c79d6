package org.ferryftp.ui.search;

import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SshLogin;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.MemoryServer;
import org.ferryftp.testsupport.SettableClock;
import org.ferryftp.transfer.StandardSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteSearchTest {

    private static final SiteRef MEMORY = new SiteRef("mem", "Memory", SessionSettings.of("127.0.0.1", 21,
            Credentials.anonymous()), 1);

    private static List<String> paths(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::path).sorted().toList();
    }

    private static RemoteBrowser memoryBrowser(MemoryServer server) {
        return new RemoteBrowser("Memory", "mem://", () -> server.sessions().open(MEMORY));
    }

    @Test
    void findsByGlobAndSizeInAMinaTree(@TempDir Path root) throws Exception {
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root)) {
            server.write("notes.TXT", "n".getBytes(StandardCharsets.UTF_8));
            server.write("docs/guide.md", "g".getBytes(StandardCharsets.UTF_8));
            server.write("docs/big.txt", new byte[5000]);
            server.write("docs/deep/er/small.txt", "s".getBytes(StandardCharsets.UTF_8));
            server.write("txt/readme", "r".getBytes(StandardCharsets.UTF_8));
            SiteRef site = new SiteRef("mina", "Mina", SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 1);
            try (RemoteBrowser browser = new RemoteBrowser("Mina", server.url(),
                    () -> new StandardSessions(e -> { }).open(site))) {
                List<SearchHit> hits = new ArrayList<>();
                SearchReport report = new RemoteSearch(browser).run(
                        SearchCriteria.byName("/", NamePatterns.compile("*.txt", false)), hits::addAll, () -> false);
                assertEquals(List.of("/docs/big.txt", "/docs/deep/er/small.txt", "/notes.TXT"), paths(hits));
                assertEquals(SearchReport.Ending.COMPLETE, report.ending());
                assertEquals(3, report.hits());

                hits.clear();
                new RemoteSearch(browser).run(new SearchCriteria("/", NamePatterns.compile("*.txt", false), 1000,
                        -1, null, null, 20, 1000), hits::addAll, () -> false);
                assertEquals(List.of("/docs/big.txt"), paths(hits));
                assertEquals(5000, hits.get(0).size());

                hits.clear();
                SearchReport shallow = new RemoteSearch(browser).run(new SearchCriteria("/",
                        NamePatterns.compile("*.txt", false), -1, -1, null, null, 2, 1000), hits::addAll, () -> false);
                assertEquals(List.of("/docs/big.txt", "/notes.TXT"), paths(hits));
                assertTrue(shallow.depthLimited());
            }
        }
    }

    @Test
    void findsOverSftpAlike(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("data/a/b"));
        Files.write(root.resolve("data/a/b/photo.JPG"), new byte[2048]);
        Files.write(root.resolve("data/a/notes.txt"), new byte[5]);
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root)) {
            KnownHosts hosts = new KnownHosts(List.of(), root.resolve("known"));
            hosts.trust("127.0.0.1", server.port(), server.hostKey());
            SftpSettings settings = SftpSettings.of("127.0.0.1", server.port(),
                    EmbeddedSftpServer.USER, List.of(new SshAuth.Password(
                            EmbeddedSftpServer.PASSWORD)), hosts,
                    HostKeyPolicy.KNOWN_ONLY);
            try (RemoteBrowser browser = new RemoteBrowser("Sftp", "sftp://", () -> {
                SftpSession s = new SftpSession(SshLogin.withOwnClient(settings, l -> { }), l -> { });
                s.connect();
                return s;
            })) {
                List<SearchHit> hits = new ArrayList<>();
                String home = browser.home();
                new RemoteSearch(browser).run(new SearchCriteria(home, NamePatterns.compile("*.jpg", false), 1024,
                        -1, null, null, 20, 1000), hits::addAll, () -> false);
                assertEquals(1, hits.size(), hits.toString());
                assertTrue(hits.get(0).path().endsWith("/data/a/b/photo.JPG"), hits.get(0).path());
                assertEquals(2048, hits.get(0).size());
            }
        }
    }

    @Test
    void regexAndDateRangeInMemory() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        MemoryServer server = new MemoryServer(clock);
        server.put("/a/report-2025.csv", new byte[10]);
        clock.advance(Duration.ofDays(30));
        server.put("/a/b/report-2026.csv", new byte[10]);
        server.put("/a/b/report.csv", new byte[10]);
        try (RemoteBrowser browser = memoryBrowser(server)) {
            List<SearchHit> hits = new ArrayList<>();
            new RemoteSearch(browser).run(new SearchCriteria("/", NamePatterns.compile("report-\\d{4}\\.csv", true),
                    -1, -1, Instant.parse("2026-01-15T00:00:00Z"), null, 20, 1000), hits::addAll, () -> false);
            assertEquals(List.of("/a/b/report-2026.csv"), paths(hits));
        }
    }

    @Test
    void stopsAtTheEntryLimit() {
        MemoryServer server = new MemoryServer();
        for (int i = 0; i < 30; i++) {
            server.put("/d" + (i % 3) + "/f" + i + ".bin", new byte[1]);
        }
        try (RemoteBrowser browser = memoryBrowser(server)) {
            List<SearchHit> hits = new ArrayList<>();
            SearchReport report = new RemoteSearch(browser).run(new SearchCriteria("/", Pattern.compile(".*"), -1, -1,
                    null, null, 20, 12), hits::addAll, () -> false);
            assertEquals(SearchReport.Ending.ENTRY_LIMIT, report.ending());
            assertEquals(12, report.entriesSeen());
            assertEquals(12, hits.size());
        }
    }

    @Test
    void aTreeOfExactlyTheLimitIsComplete() {
        MemoryServer server = new MemoryServer();
        server.put("/d/a.bin", new byte[1]);
        server.put("/d/b.bin", new byte[1]);
        try (RemoteBrowser browser = memoryBrowser(server)) {
            SearchReport exact = new RemoteSearch(browser).run(new SearchCriteria("/", Pattern.compile(".*"), -1, -1,
                    null, null, 20, 3), h -> { }, () -> false);
            assertEquals(SearchReport.Ending.COMPLETE, exact.ending());
            assertEquals(3, exact.entriesSeen());
            SearchReport under = new RemoteSearch(browser).run(new SearchCriteria("/", Pattern.compile(".*"), -1, -1,
                    null, null, 20, 2), h -> { }, () -> false);
            assertEquals(SearchReport.Ending.ENTRY_LIMIT, under.ending());
        }
    }

    @Test
    void cancellingStopsBeforeTheNextDirectory() {
        MemoryServer server = new MemoryServer();
        for (int i = 0; i < 10; i++) {
            server.put("/d" + i + "/f.bin", new byte[1]);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        List<SearchHit> hits = new ArrayList<>();
        try (RemoteBrowser browser = memoryBrowser(server)) {
            SearchReport report = new RemoteSearch(browser).run(SearchCriteria.byName("/",
                    NamePatterns.compile("f.bin", false)), batch -> {
                        hits.addAll(batch);
                        cancelled.set(true);
                    }, cancelled::get);
            assertEquals(SearchReport.Ending.CANCELLED, report.ending());
            assertEquals(1, hits.size());
            assertTrue(report.directoriesListed() < 11);
        }
    }

    @Test
    void aDirectoryThatCannotBeListedIsReportedAndSkipped() {
        MemoryServer server = new MemoryServer();
        server.put("/ok/x.txt", new byte[1]);
        try (RemoteBrowser browser = memoryBrowser(server)) {
            SearchReport report = new RemoteSearch(browser).run(SearchCriteria.byName("/missing",
                    NamePatterns.compile("*", false)), h -> { }, () -> false);
            assertEquals(1, report.failures().size());
            assertTrue(report.failures().get(0).startsWith("/missing: "), report.failures().toString());
        }
    }

    @Test
    void globsAndBadPatterns() {
        assertTrue(NamePatterns.compile("*.{jpg,png}", false).matcher("A.PNG").matches());
        assertFalse(NamePatterns.compile("*.{jpg,png}", false).matcher("a.gif").matches());
        assertTrue(NamePatterns.compile("file?.[!0-4]", false).matcher("file1.7").matches());
        assertFalse(NamePatterns.compile("file?.[!0-4]", false).matcher("file1.3").matches());
        assertTrue(NamePatterns.compile("a+b(1).txt", false).matcher("a+b(1).txt").matches());
        assertTrue(NamePatterns.compile("", false).matcher("anything").matches());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> NamePatterns.compile("(unclosed", true));
        assertFalse(bad.getMessage().contains("\n"));
        assertThrows(IllegalArgumentException.class, () -> NamePatterns.compile("{a,b", false));
    }
}
