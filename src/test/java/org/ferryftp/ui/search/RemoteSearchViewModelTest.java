package org.ferryftp.ui.search;

import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.MemoryServer;
import org.ferryftp.testsupport.SettableClock;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteSearchViewModelTest {

    private static final SiteRef SITE = new SiteRef("mem", "Memory", SessionSettings.of("127.0.0.1", 21,
            Credentials.anonymous()), 1);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final MemoryServer server = new MemoryServer(clock);
    private final AtomicInteger logins = new AtomicInteger();
    private final RemoteBrowser browser = new RemoteBrowser("Memory", "mem://", () -> {
        logins.incrementAndGet();
        return server.sessions().open(SITE);
    });
    private final List<List<SearchHit>> downloaded = new ArrayList<>();
    private final List<SearchHit> revealed = new ArrayList<>();
    private boolean confirm;

    private RemoteSearchViewModel model() {
        return new RemoteSearchViewModel(new SameThreadUiExecutor(), browser, "/", new Messages(Locale.ENGLISH),
                hits -> confirm, downloaded::add, revealed::add, ZoneId.of("UTC"));
    }

    @Test
    void searchesOnThePanesConnectionAndDeletesOnlyWhenConfirmed() throws Exception {
        server.put("/a/one.txt", new byte[3]);
        server.put("/a/b/two.txt", new byte[3]);
        server.put("/a/b/skip.md", new byte[3]);
        browser.home(); // the pane is connected
        RemoteSearchViewModel vm = model();
        vm.patternProperty().set("*.TXT");
        vm.search();
        assertFalse(vm.runningProperty().get());
        assertEquals(List.of("/a/b/two.txt", "/a/one.txt"),
                vm.hits().stream().map(SearchHit::path).sorted().toList());
        assertTrue(vm.statusProperty().get().startsWith("Done: 2 found"), vm.statusProperty().get());
        assertEquals(1, logins.get(), "the search opened a connection of its own");

        SearchHit one = vm.hits().stream().filter(h -> h.name().equals("one.txt")).findFirst().orElseThrow();
        confirm = false;
        vm.delete(List.of(one));
        assertTrue(server.exists("/a/one.txt"));
        confirm = true;
        vm.delete(List.of(one));
        assertFalse(server.exists("/a/one.txt"));
        assertEquals(List.of("/a/b/two.txt"), vm.hits().stream().map(SearchHit::path).toList());

        vm.download(List.copyOf(vm.hits()));
        vm.reveal(vm.hits().get(0));
        assertEquals(1, downloaded.size());
        assertEquals("/a/b/two.txt", revealed.get(0).path());
    }

    @Test
    void badInputIsOneLineAndSearchesNothing() {
        server.put("/x.txt", new byte[1]);
        RemoteSearchViewModel vm = model();
        vm.minSizeProperty().set("lots");
        vm.search();
        assertNotNull(vm.errorProperty().get());
        assertFalse(vm.errorProperty().get().contains("\n"));
        assertTrue(vm.hits().isEmpty());
        assertNull(vm.reportProperty().get());
        assertEquals(0, logins.get());

        vm.minSizeProperty().set("");
        vm.regexProperty().set(true);
        vm.patternProperty().set("[oops");
        vm.search();
        assertNotNull(vm.errorProperty().get());

        vm.regexProperty().set(false); // as a glob, an unclosed '[' is a plain character
        vm.search();
        assertNull(vm.errorProperty().get());
        assertTrue(vm.hits().isEmpty());
        vm.patternProperty().set("X*");
        vm.search();
        assertEquals(1, vm.hits().size());
    }

    @Test
    void sizesWithUnitsAndDatesAsWholeDays() {
        server.put("/old.bin", new byte[4096]);
        clock.advance(Duration.ofDays(2)); // 2026-03-03
        server.put("/new.bin", new byte[4096]);
        server.put("/small.bin", new byte[100]);
        RemoteSearchViewModel vm = model();
        vm.minSizeProperty().set("4K");
        vm.fromDateProperty().set(LocalDate.of(2026, 3, 2));
        vm.toDateProperty().set(LocalDate.of(2026, 3, 3));
        vm.search();
        assertEquals(List.of("/new.bin"), vm.hits().stream().map(SearchHit::path).toList());
    }
}
