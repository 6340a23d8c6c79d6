package org.ferryftp.ui.synchronize;

import org.ferryftp.cli.CliRun;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.sync.SyncDirection;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's Synchronize preview and {@code ferry mirror --dry-run} plan the same folders alike: same actions,
 * paths and reasons, one way and the other, with and without delete, newer-only and filters. One local folder and
 * one embedded MINA tree with every kind of difference: new, changed, deleted, a file that became a directory and a
 * newer target.
 */
class SyncPreviewAgreesWithDryRunTest {

    @TempDir
    Path tmp;
    Path local;
    EmbeddedMinaServer server;
    String url;
    final CliRun cli = new CliRun();
    final RecordingSubmitter queue = new RecordingSubmitter();

    static void write(Path file, String text, String time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    @BeforeEach
    void prepare() throws IOException {
        local = Files.createDirectories(tmp.resolve("local"));
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path site = root.resolve("site");
        for (Path side : List.of(local, site)) {
            write(side.resolve("same.txt"), "same", "2024-01-01T10:00:00Z");
            write(side.resolve("d/kept.txt"), "kept", "2024-01-01T10:00:00Z");
        }
        write(local.resolve("new.txt"), "new here", "2024-02-01T10:00:00Z");
        write(local.resolve("changed.txt"), "changed, longer", "2024-02-01T10:00:00Z");
        write(site.resolve("changed.txt"), "changed", "2024-01-01T10:00:00Z");
        write(site.resolve("gone.txt"), "deleted here", "2024-01-01T10:00:00Z");
        write(site.resolve("d/gone.bin"), "deleted too", "2024-01-01T10:00:00Z");
        write(local.resolve("f/inside.txt"), "f became a directory", "2024-02-01T10:00:00Z");
        write(site.resolve("f"), "f was a file", "2024-01-01T10:00:00Z");
        write(local.resolve("newer.txt"), "same size", "2024-01-01T10:00:00Z");
        write(site.resolve("newer.txt"), "same SIZE", "2024-03-01T10:00:00Z");
        server = new EmbeddedMinaServer(root);
        url = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + server.port()
                + "/site";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SyncViewModel viewModel() {
        SiteRef ref = new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
        return new SyncViewModel(new SyncViewModel.Folder(Source.local("Local"), local.toString()),
                new SyncViewModel.Folder(Source.of(ref), "/site"), SyncRules.DEFAULT,
                new StandardBrowserFactory(new StandardSessions(LogListener.NONE)), new SameThreadUiExecutor(), queue,
                new Messages(Locale.ENGLISH));
    }

    List<String> preview(SyncDirection way, boolean delete, boolean newerOnly, String exclude) {
        try (SyncViewModel vm = viewModel()) {
            vm.directionProperty().set(way);
            vm.deleteExtraProperty().set(delete);
            vm.newerOnlyProperty().set(newerOnly);
            vm.excludeProperty().set(exclude);
            vm.plan();
            assertTrue(vm.readyProperty().get(), vm.progressProperty().get());
            return vm.rows().stream().map(r -> r.step().line()).toList();
        }
    }

    List<String> dryRun(String src, String dst, String... options) {
        List<String> args = new ArrayList<>(List.of("mirror", "--dry-run"));
        args.addAll(List.of(options));
        args.addAll(List.of(src, dst));
        assertEquals(0, cli.ferry(args.toArray(String[]::new)), cli.err());
        return cli.out().lines().toList();
    }

    @Test
    void toTheRightAgreesWithMirrorLocalToServer() {
        List<String> plain = preview(SyncDirection.TO_RIGHT, false, false, "");
        assertEquals(dryRun(local.toString(), url), plain);
        assertTrue(plain.containsAll(List.of(
                "update  changed.txt  (size differs: 7 → 15 bytes)",
                "copy    new.txt  (missing at the target)",
                "update  newer.txt  (the target is newer; --newer-only keeps it)",
                "skip    f/  (the target is a file; --delete replaces it)",
                "skip    same.txt  (unchanged)")), plain.toString());

        List<String> deleting = preview(SyncDirection.TO_RIGHT, true, false, "");
        assertEquals(dryRun(local.toString(), url, "--delete"), deleting);
        assertTrue(deleting.containsAll(List.of("delete  gone.txt  (only at the target)",
                "delete  d/gone.bin  (only at the target)", "replace f/  (the target is a file)")), deleting.toString());

        assertEquals(dryRun(local.toString(), url, "--newer-only", "--exclude", "d", "--exclude", "same.txt"),
                preview(SyncDirection.TO_RIGHT, false, true, "d, same.txt"));
    }

    @Test
    void byChecksumBothSayTheSameAndTheyFallBackAlike() {
        try (SyncViewModel vm = viewModel()) {
            vm.checksumProperty().set(true);
            vm.plan();
            List<String> rows = vm.rows().stream().map(r -> r.step().line()).toList();
            assertEquals(dryRun(local.toString(), url, "--checksum"), rows);
            assertTrue(cli.err().contains("no checksum that both sides offer"), cli.err());
            assertTrue(vm.progressProperty().get().contains("No checksum that both sides offer"),
                    vm.progressProperty().get());
        }
    }

    @Test
    void toTheLeftAgreesWithMirrorServerToLocal() {
        assertEquals(dryRun(url, local.toString(), "--delete"), preview(SyncDirection.TO_LEFT, true, false, ""));
        assertEquals(dryRun(url, local.toString(), "--newer-only"), preview(SyncDirection.TO_LEFT, false, true, ""));
    }

    @Test
    void synchronizeQueuesTheCheckedCopiesAndHoldsTheDeletionsUntilTheyHaveSucceeded() {
        try (SyncViewModel vm = viewModel()) {
            vm.deleteExtraProperty().set(true);
            vm.plan();
            SyncRow gone = row(vm, "gone.txt");
            SyncRow changed = row(vm, "changed.txt");
            gone.checkedProperty().set(false);
            changed.checkedProperty().set(false);
            assertTrue(vm.synchronize());
            List<String> queued = queue.requests.stream().map(r -> r.source().path() + " -> "
                    + r.targetDirectory().path() + " " + r.targetName() + " " + r.onConflict()).toList();
            assertEquals(List.of(
                    local.resolve("f") + " -> /site f OVERWRITE",
                    local.resolve("new.txt") + " -> /site new.txt OVERWRITE",
                    local.resolve("newer.txt") + " -> /site newer.txt OVERWRITE"), queued);
            assertTrue(Files.exists(server.file("site/gone.txt")), "an unchecked deletion is not done");
            assertTrue(Files.exists(server.file("site/d/gone.bin")),
                    "a checked one waits for the copies, and this stand-in queue cannot tell that they succeeded");
            assertEquals("The queue cannot tell whether the transfers succeeded, so nothing was deleted.",
                    vm.progressProperty().get());
            assertTrue(Files.notExists(server.file("site/f")), "what a replacement's copy needs out of the way goes");
        }
    }

    @Test
    void whileItListsItSaysHowManyFoldersAndEntriesBothWays() {
        for (SyncDirection way : List.of(SyncDirection.TO_RIGHT, SyncDirection.BOTH)) {
            try (SyncViewModel vm = viewModel()) {
                vm.directionProperty().set(way);
                List<String> said = new ArrayList<>();
                vm.progressProperty().addListener((o, was, now) -> said.add(now));
                vm.plan();
                // The roots hold six entries each; d is listed next.
                assertTrue(said.contains("Listing d… (2 folders, 12 entries listed)"), way + ": " + said);
            }
        }
    }

    private static SyncRow row(SyncViewModel vm, String path) {
        return vm.rows().stream().filter(r -> r.step().path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void bothWaysListsEachDifferenceOnceWithItsSide() {
        try (SyncViewModel vm = viewModel()) {
            vm.directionProperty().set(SyncDirection.BOTH);
            vm.plan();
            List<String> rows = vm.rows().stream().map(r -> r.towardsProperty().get() + " " + r.step().line())
                    .filter(l -> !l.contains("(unchanged)")).toList();
            assertEquals(List.of(
                    "RIGHT update  changed.txt  (size differs (15 ≠ 7 bytes); the left is newer)",
                    "LEFT copy    d/gone.bin  (missing at the left)",
                    "EITHER replace f/  (a directory at the left, a file at the right)",
                    "LEFT copy    gone.txt  (missing at the left)",
                    "RIGHT copy    new.txt  (missing at the right)",
                    "LEFT update  newer.txt  (the right is newer)"), rows);
            assertEquals("3 to copy, 2 to update, 0 to delete, 1 conflicts · 5 checked", vm.summaryProperty().get());
        }
    }
}
