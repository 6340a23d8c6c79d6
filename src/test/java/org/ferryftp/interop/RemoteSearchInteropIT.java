package org.ferryftp.interop;

import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.RemoteTree;
import org.ferryftp.session.TransferListener;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.ui.search.NamePatterns;
import org.ferryftp.ui.search.RemoteSearch;
import org.ferryftp.ui.search.SearchCriteria;
import org.ferryftp.ui.search.SearchHit;
import org.ferryftp.ui.search.SearchReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Remote search against real vsftpd: a tree of folders, found by glob and size, on one connection. */
class RemoteSearchInteropIT {

    private static final int FOLDERS = 40;

    @Test
    void searchesATreeOnVsftpd() throws Exception {
        VsftpdServer server = VsftpdServer.fromEnvironment();
        SiteRef site = new SiteRef("vsftpd", "vsftpd", SessionSettings.of(server.host(), server.port(),
                Credentials.of(server.user(), server.password())), 1);
        StandardSessions sessions = new StandardSessions(e -> { });
        String dir = "/search-" + UUID.randomUUID();
        try (RemoteSession s = sessions.open(site)) {
            RemoteTree tree = new RemoteTree(s);
            for (int i = 0; i < FOLDERS; i++) {
                String sub = dir + "/level" + (i % 4) + "/f" + i;
                tree.makeDirectories(sub);
                s.upload(sub + "/data" + i + ".csv", new ByteArrayInputStream(new byte[i * 100]), 0, TransferListener.NONE);
                s.upload(sub + "/readme.txt", new ByteArrayInputStream(new byte[1]), 0, TransferListener.NONE);
            }
        }
        int[] logins = {0};
        try (RemoteBrowser browser = new RemoteBrowser("vsftpd", "ftp://", () -> {
            logins[0]++;
            return sessions.open(site);
        })) {
            List<SearchHit> hits = new ArrayList<>();
            long started = System.nanoTime();
            SearchReport report = new RemoteSearch(browser).run(new SearchCriteria(dir,
                    NamePatterns.compile("DATA*.csv", false), 2000, -1, null, null, 20, 10_000), hits::addAll,
                    () -> false);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("vsftpd search: " + report + " in " + millis + " ms");
            assertEquals(SearchReport.Ending.COMPLETE, report.ending());
            assertEquals(FOLDERS - 20, hits.size()); // i * 100 >= 2000 for i = 20..39
            assertEquals(1 + 4 + FOLDERS, report.directoriesListed());
            assertEquals(1, logins[0]);
        }
        try (RemoteSession s = sessions.open(site)) {
            new RemoteTree(s).removeRecursively(dir);
        }
    }
}
