package org.ferryftp.ui.browser;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FakeBrowser.dir;
import static org.ferryftp.ui.support.FakeBrowser.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pane's logic without any stage: same-thread executor, in-memory browser, scripted dialogs. */
class PaneViewModelTest {

    private static final SiteRef SITE = new SiteRef("s1", "Site", SessionSettings.of("h", 21, Credentials.anonymous()), 1);
    private static final Source REMOTE = Source.of(SITE);

    private final Messages msg = new Messages(Locale.ENGLISH);
    private FakeBrowser browser;
    private ScriptedDialogs dialogs;
    private PaneViewModel vm;
    private PaneOperations ops;

    @BeforeEach
    void setUp() {
        browser = new FakeBrowser("/home")
                .with("/", dir("home"), dir("srv"))
                .with("/home", dir("docs"), dir(".config"), file("b.txt", 2048), file("A.bin", 10),
                        file(".profile", 5))
                .with("/home/docs", file("guide.md", 1))
                .with("/srv")
                .with("/dots", file(".bashrc", 1), dir(".cache"), file(".profile", 2))
                .withUnparsed("/home", "garbage line", "-rw-r--r-- 1 u g 5 Jan 1 00:00 ../evil");
        dialogs = new ScriptedDialogs();
        vm = new PaneViewModel(new SameThreadUiExecutor(), s -> browser, msg);
        ops = new PaneOperations(vm, dialogs);
        vm.open(REMOTE);
    }

    private List<String> names() {
        return vm.rows().stream().map(FileRow::name).toList();
    }

    @Test
    void opensHomeWithFoldersFirstAndHiddenFilesHidden() {
        assertEquals("/home", vm.pathProperty().get());
        assertEquals(List.of("docs", "A.bin", "b.txt"), names());
        assertEquals(5, vm.totalRows());
        assertFalse(vm.busyProperty().get());
        assertNull(vm.errorProperty().get());
        assertEquals(Location.remote(SITE, "/home"), vm.currentLocation());
    }

    @Test
    void navigationKeepsBackForwardHistoryAndRecentFolders() {
        vm.enter(vm.rows().get(0));
        assertEquals("/home/docs", vm.pathProperty().get());
        assertTrue(vm.canGoBackProperty().get());
        vm.up();
        vm.up();
        assertEquals("/", vm.pathProperty().get());
        vm.back();
        assertEquals("/home", vm.pathProperty().get());
        assertTrue(vm.canGoForwardProperty().get());
        vm.back();
        assertEquals("/home/docs", vm.pathProperty().get());
        vm.forward();
        assertEquals("/home", vm.pathProperty().get());
        vm.navigate("/srv");
        assertFalse(vm.canGoForwardProperty().get(), "a new place clears forward history");
        assertEquals(List.of("/srv", "/home", "/home/docs", "/"), vm.recentDirectories());
    }

    @Test
    void enteringAFileDoesNothing() {
        FileRow fileRow = vm.rows().get(1);
        assertFalse(vm.enter(fileRow));
        assertEquals("/home", vm.pathProperty().get());
    }

    @Test
    void filterAndHiddenToggle() {
        vm.filterProperty().set("B");
        assertEquals(List.of("A.bin", "b.txt"), names());
        vm.filterProperty().set("");
        vm.showHiddenProperty().set(true);
        assertEquals(List.of(".config", "docs", ".profile", "A.bin", "b.txt"), names());
        vm.filterProperty().set("prof");
        assertEquals(List.of(".profile"), names());
    }

    @Test
    void columnOrderKeepsFoldersFirst() {
        vm.showHiddenProperty().set(true);
        vm.setColumnOrder(Comparator.comparingLong((FileRow r) -> r.entry().size()).reversed());
        assertEquals(List.of(".config", "docs", "b.txt", "A.bin", ".profile"), names());
        vm.setColumnOrder(FileRows.BY_NAME.reversed());
        assertEquals(List.of("docs", ".config", "b.txt", "A.bin", ".profile"), names());
    }

    @Test
    void revisitsComeFromTheCacheAndRefreshBypassesIt() {
        int before = browser.listCalls.get();
        vm.navigate("/home/docs");
        vm.back();
        vm.forward();
        assertEquals(before + 1, browser.listCalls.get(), "only the first visit lists");
        vm.refresh();
        assertEquals(before + 2, browser.listCalls.get());
    }

    @Test
    void unparsedLinesAreReported() {
        assertEquals(List.of("garbage line", "-rw-r--r-- 1 u g 5 Jan 1 00:00 ../evil"), vm.unparsedLines());
        vm.navigate("/home/docs");
        assertTrue(vm.unparsedLines().isEmpty());
    }

    @Test
    void connectionErrorShowsInlineAndRetryRecovers() {
        browser.down = true;
        vm.open(REMOTE);
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("connection refused"), vm.errorProperty().get());
        assertTrue(vm.rows().isEmpty());
        browser.down = false;
        vm.retry();
        assertNull(vm.errorProperty().get());
        assertEquals("/home", vm.pathProperty().get());
    }

    @Test
    void aMissingFolderIsAStatusMessageNotAnInlineError() {
        vm.navigate("/nope");
        assertNull(vm.errorProperty().get());
        assertEquals("/home", vm.pathProperty().get());
        assertTrue(vm.statusProperty().get().contains("/nope"));
    }

    @Test
    void brokenConnectionWhileBrowsingShowsInlineError() {
        browser.down = true;
        vm.refresh();
        assertNotNull(vm.errorProperty().get());
        browser.down = false;
        vm.retry();
        assertNull(vm.errorProperty().get());
    }

    @Test
    void operationsAskThenRunOnTheConnection() {
        dialogs.folderName = "new";
        ops.newFolder();
        FileRow b = vm.rows().stream().filter(r -> r.name().equals("b.txt")).findFirst().orElseThrow();
        FileRow docs = vm.rows().get(0);
        dialogs.newName = "c.txt";
        ops.rename(b);
        ops.delete(List.of(b, docs));
        dialogs.chmod = new PaneDialogs.ChmodChoice("750", false);
        ops.chmod(List.of(b));
        assertEquals(List.of("mkdir /home/new", "rename /home/b.txt /home/c.txt",
                "delete /home/b.txt", "delete /home/docs dir recursive", "chmod 750 /home/b.txt"),
                browser.operations);
        assertTrue(dialogs.asked.contains("chmod 644"), dialogs.asked.toString());
    }

    @Test
    void recursiveChmodWalksFolders() {
        dialogs.chmod = new PaneDialogs.ChmodChoice("755", true);
        ops.chmod(List.of(vm.rows().get(0)));
        assertEquals(List.of("chmod 755 /home/docs", "chmod 755 /home/docs/guide.md"), browser.operations);
    }

    @Test
    void cancelledOrUnsafeAnswersDoNothing() {
        dialogs.confirmDelete = false;
        ops.delete(List.of(vm.rows().get(1)));
        dialogs.folderName = "../escape";
        ops.newFolder();
        dialogs.folderName = null;
        ops.newFolder();
        assertTrue(browser.operations.isEmpty(), browser.operations.toString());
    }

    @Test
    void transferItemsCarryLocationsAndKinds() {
        List<TransferPlanner.Item> items = ops.items(List.of(vm.rows().get(0), vm.rows().get(2)));
        assertEquals(List.of(new TransferPlanner.Item(Location.remote(SITE, "/home/docs"), Location.remote(SITE, "/home"), true),
                new TransferPlanner.Item(Location.remote(SITE, "/home/b.txt"), Location.remote(SITE, "/home"), false)), items);
        assertEquals("ftp://ann@fake/home/docs\nftp://ann@fake/home/b.txt", ops.urls(List.of(vm.rows().get(0), vm.rows().get(2))));
    }

    @Test
    void switchingSourceClosesTheOldConnection() {
        vm.open(Source.local("Local"));
        assertTrue(browser.operations.contains("close"));
    }

    @Test
    void aFolderWithOnlyHiddenItemsSaysSoAndOffersToShowThem() {
        vm.navigate("/dots");
        assertTrue(vm.rows().isEmpty());
        assertEquals("3 hidden items", vm.placeholderProperty().get());
        assertTrue(vm.onlyHiddenProperty().get());
        vm.showHiddenProperty().set(true);
        assertEquals(3, vm.rows().size());
        assertFalse(vm.onlyHiddenProperty().get());
        vm.showHiddenProperty().set(false);
        vm.navigate("/srv");
        assertEquals("This folder is empty", vm.placeholderProperty().get());
        assertFalse(vm.onlyHiddenProperty().get());
    }

    @Test
    void aFilterThatMatchesNothingSaysSo() {
        vm.filterProperty().set("zzz");
        assertTrue(vm.rows().isEmpty());
        assertEquals("No items match \u201czzz\u201d", vm.placeholderProperty().get());
        vm.filterProperty().set("");
        assertFalse(vm.rows().isEmpty());
    }
}
