package org.ferryftp.transfer.sync;

import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.StandardSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.ferryftp.transfer.sync.TwoWayPlannerTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both ways by checksum: a local folder and a scripted server that offers HASH. Files of the same size are compared
 * by SHA-256: a touched file (same bytes, other time) is left alone, an edit that kept size and time is found (and,
 * since time cannot tell which side changed, asked), and of two differing files the newer wins. Without a checksum in
 * common it says so once and compares by time.
 */
class TwoWayPlannerChecksumTest {

    @TempDir
    Path tmp;

    List<String> plan(Path left, ScriptedFtpServer server, SyncRules rules, List<String> notes) throws IOException {
        List<String> out = new ArrayList<>();
        SiteRef site = new SiteRef("scripted", "Scripted", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")), 1);
        try (LocalBrowser local = new LocalBrowser();
             RemoteBrowser remote = new RemoteBrowser("Scripted", "ftp://127.0.0.1:" + server.port(),
                     () -> new StandardSessions(e -> { }).open(site))) {
            new TwoWayPlanner(rules).plan(local, left.toString(), remote, "/site", new TwoWayPlanner.Sink() {
                @Override
                public void step(DirectedStep s) {
                    out.add(s.towards() + " " + s.step().line());
                }

                @Override
                public void note(String line) {
                    notes.add(line);
                }
            });
        }
        return out;
    }

    @Test
    void sameSizeFilesAreComparedByChecksumBothWays() throws Exception {
        Path left = Files.createDirectories(tmp.resolve("left"));
        Path right = Files.createDirectories(tmp.resolve("served/site"));
        write(left.resolve("touched.txt"), "same bytes", "2024-01-01T00:00:00Z");
        write(right.resolve("touched.txt"), "same bytes", "2024-05-01T00:00:00Z");
        write(left.resolve("edited.txt"), "new text", "2024-01-01T00:00:00Z");
        write(right.resolve("edited.txt"), "old text", "2024-01-01T00:00:00Z");
        write(left.resolve("older.txt"), "left one", "2024-01-01T00:00:00Z");
        write(right.resolve("older.txt"), "right on", "2024-03-01T00:00:00Z");
        try (ScriptedFtpServer server = new ScriptedFtpServer(tmp.resolve("served"))) {
            server.features("SIZE", "MDTM", "MLST type*;size*;modify*;", "HASH SHA-256*;SHA-1;MD5;CRC32");
            List<String> notes = new ArrayList<>();
            assertEquals(List.of(
                    "RIGHT skip    edited.txt  (unchanged)",
                    "LEFT update  older.txt  (the right is newer)",
                    "LEFT update  touched.txt  (the right is newer)"),
                    plan(left, server, SyncRules.DEFAULT, notes));
            assertEquals(List.of(
                    "EITHER update  edited.txt  (SHA-256 differs; same time: which side changed is not known)",
                    "LEFT update  older.txt  (SHA-256 differs; the right is newer)",
                    "RIGHT skip    touched.txt  (same SHA-256)"),
                    plan(left, server, SyncRules.DEFAULT.withChecksum(true), notes));
            assertEquals(List.of(), notes);

            server.features("SIZE", "MDTM", "MLST type*;size*;modify*;");
            assertEquals(plan(left, server, SyncRules.DEFAULT, notes),
                    plan(left, server, SyncRules.DEFAULT.withChecksum(true), notes));
            assertEquals(1, notes.size(), notes.toString());
            assertEquals("no checksum that both sides offer (", notes.get(0).substring(0, 35));
        }
    }
}
