package org.ferryftp.ui.browser;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.ListingBatches;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.ferryftp.ui.support.FakeBrowser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FakeBrowser.dir;
import static org.ferryftp.ui.support.FakeBrowser.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pane showing a listing that arrives in batches, as a site's does: same rows as whole, parts early, stops when left. */
class StreamedPaneTest {

    private static final Source REMOTE = Source.of(new SiteRef("s", "Site",
            SessionSettings.of("h", 21, Credentials.anonymous()), 1));

    private final Messages msg = new Messages(Locale.ENGLISH);

    /** Hands a {@link FakeBrowser}'s listings over in batches of {@code size}, like a streaming site. */
    private static final class Batching implements FileBrowser {
        private final FakeBrowser whole;
        private final int size;
        final List<Integer> delivered = new ArrayList<>();
        Runnable afterSecondBatch = () -> { };
        boolean breakAfterSecondBatch;

        Batching(FakeBrowser whole, int size) {
            this.whole = whole;
            this.size = size;
        }

        @Override
        public DirectoryListing list(String path, ListingBatches batches) throws IOException {
            DirectoryListing all = whole.list(path);
            List<FileEntry> e = all.entries();
            int middle = e.size() / 2;
            for (int from = 0, n = 0; from < e.size(); from += size, n++) {
                int to = Math.min(e.size(), from + size);
                // The unparsed lines come with the batch in the middle of the listing.
                List<String> unparsed = from <= middle && middle < to ? all.unparsed() : List.of();
                delivered.add(to - from);
                if (!batches.accept(new DirectoryListing(path, e.subList(from, to), unparsed))) {
                    throw new IOException("listing stopped");
                }
                if (n == 1) {
                    afterSecondBatch.run();
                    if (breakAfterSecondBatch) {
                        throw new IOException("data connection reset");
                    }
                }
            }
            return all;
        }

        // @formatter:off
        @Override public DirectoryListing list(String path) throws IOException { return whole.list(path); }
        @Override public String displayName() { return whole.displayName(); }
        @Override public boolean isLocal() { return false; }
        @Override public String home() throws IOException { return whole.home(); }
        @Override public void makeDirectories(String path) { whole.makeDirectories(path); }
        @Override public void rename(String from, String to) { whole.rename(from, to); }
        @Override public void delete(String path, boolean d, boolean r) { whole.delete(path, d, r); }
        @Override public void chmod(String path, String mode) { whole.chmod(path, mode); }
        @Override public String join(String dir, String name) { return whole.join(dir, name); }
        @Override public String parent(String path) { return whole.parent(path); }
        @Override public String describe(String path) { return whole.describe(path); }
        @Override public void close() { whole.close(); }
        // @formatter:on
    }

    private static FakeBrowser tree() {
        List<FileEntry> big = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // Repeated names and sizes, so ties must come out in the order a whole sort gives.
            big.add(i % 25 == 0 ? dir("folder-" + (i % 7)) : file("f-" + (i * 31 % 97) + ".txt", i % 13));
        }
        return new FakeBrowser("/big").with("/big", big.toArray(FileEntry[]::new)).with("/small", file("x", 1))
                .withUnparsed("/big", "?? garbled line", "-rw-r--r-- 1 u g 5 Jan 1 00:00 ../evil");
    }

    private static List<String> names(PaneViewModel vm) {
        return vm.rows().stream().map(r -> r.name() + "/" + r.entry().size()).toList();
    }

    @Test
    void streamedRowsEqualTheWholeListingAndPartsShowOnTheWay() {
        Comparator<FileRow> bySize = Comparator.comparingLong(r -> r.entry().size());
        PaneViewModel whole = new PaneViewModel(new SameThreadUiExecutor(), s -> tree(), msg);
        whole.setColumnOrder(bySize);
        whole.open(REMOTE);
        Batching batching = new Batching(tree(), 60);
        PaneViewModel streamed = new PaneViewModel(new SameThreadUiExecutor(), s -> batching, msg);
        streamed.setColumnOrder(bySize);
        List<Integer> sizesSeen = new ArrayList<>();
        streamed.rows().addListener((javafx.collections.ListChangeListener<FileRow>) c -> sizesSeen.add(c.getList().size()));
        streamed.open(REMOTE);

        assertEquals(500, whole.totalRows());
        assertEquals(names(whole), names(streamed));
        assertEquals(List.of("?? garbled line", "-rw-r--r-- 1 u g 5 Jan 1 00:00 ../evil"), streamed.unparsedLines());
        assertEquals(whole.unparsedLines(), streamed.unparsedLines());
        assertTrue(sizesSeen.stream().anyMatch(n -> n > 0 && n < whole.rows().size()), "a part was shown: " + sizesSeen);
        assertEquals("/big", streamed.pathProperty().get());
        assertEquals(false, streamed.busyProperty().get());
    }

    @Test
    void navigatingAwayStopsTheListingAndShowsTheNewDirectory() {
        Batching batching = new Batching(tree(), 60);
        PaneViewModel vm = new PaneViewModel(new SameThreadUiExecutor(), s -> batching, msg);
        vm.open(REMOTE, "/small");
        batching.delivered.clear();
        batching.afterSecondBatch = () -> vm.navigate("/small");
        vm.navigate("/big");

        // /small comes from the cache; /big's third batch is refused, so the other six are never listed.
        assertEquals(List.of(60, 60, 60), batching.delivered);
        assertEquals("/small", vm.pathProperty().get());
        assertEquals(List.of("x/1"), names(vm));
        assertTrue(vm.unparsedLines().isEmpty());
        assertNull(vm.errorProperty().get());
        assertEquals("", vm.statusProperty().get());
        assertEquals(false, vm.busyProperty().get());
    }

    @Test
    void aListingThatBreaksOffBringsBackTheDirectoryWeCameFrom() {
        Batching batching = new Batching(tree(), 60);
        PaneViewModel vm = new PaneViewModel(new SameThreadUiExecutor(), s -> batching, msg);
        vm.open(REMOTE, "/small");
        batching.breakAfterSecondBatch = true;
        List<Integer> sizesSeen = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<FileRow>) c -> sizesSeen.add(c.getList().size()));
        vm.navigate("/big");

        assertTrue(sizesSeen.contains(120), "the first two batches were shown: " + sizesSeen);
        assertEquals("/small", vm.pathProperty().get());
        assertEquals(List.of("x/1"), names(vm));
        assertTrue(vm.statusProperty().get().contains("data connection reset"), vm.statusProperty().get());
        assertEquals(false, vm.busyProperty().get());
    }
}
