package org.ferryftp.ui.browser;

import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pane on a real browsing connection to a server that lists a missing directory like vsftpd (150, then
 * "226 Transfer done (but failed to open directory)"): the pane says so and stays where it was; it never shows
 * the missing folder as empty or takes its path (which the folder tree would then show).
 */
class MissingFolderPaneTest {

    private final Messages msg = new Messages(Locale.ENGLISH);
    private ScriptedFtpServer server;
    private Source site;
    private PaneViewModel vm;
    private final List<String> placeholdersWhileOpening = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedFtpServer().listMissingLikeVsftpd()
                .features("EPRT", "EPSV", "MDTM", "PASV", "REST STREAM", "SIZE", "TVFS", "UTF8");
        server.mkdir("/pub/empty").putFile("/pub/a.txt", "a".getBytes());
        site = Source.of(new SiteRef("s", "Scripted", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")), 1));
        BrowserFactory real = new StandardBrowserFactory(new StandardSessions(LogListener.NONE));
        vm = new PaneViewModel(new SameThreadUiExecutor(), source -> {
            placeholdersWhileOpening.add(vm.placeholderProperty().get());
            return real.open(source);
        }, msg);
    }

    @AfterEach
    void stop() {
        vm.close();
        server.close();
    }

    @Test
    void aMissingFolderIsAnErrorAndThePaneStaysWhereItWas() {
        vm.open(site, "/pub");
        assertEquals("/pub", vm.pathProperty().get());
        vm.navigate("/pub/missing");
        assertEquals("/pub", vm.pathProperty().get(), "the missing folder's path is never taken (nor put in the tree)");
        assertEquals(List.of("empty", "a.txt"), vm.rows().stream().map(FileRow::name).toList());
        assertEquals("Could not list /pub/missing: no such directory: /pub/missing (550 Failed to change directory.)",
                vm.statusProperty().get());
        assertNull(vm.errorProperty().get());

        vm.navigate("/pub/empty");
        assertEquals("/pub/empty", vm.pathProperty().get());
        assertTrue(vm.rows().isEmpty(), "an empty folder is still just empty");
    }

    @Test
    void theTreeGetsNoSubFoldersOfAMissingFolder() {
        vm.open(site, "/pub");
        List<List<String>> answers = new ArrayList<>();
        vm.childFolders("/pub/missing", answers::add);
        assertEquals(List.of(List.of()), answers);
        vm.childFolders("/pub", answers::add);
        assertEquals(List.of("empty"), answers.get(1));
    }

    @Test
    void openingAtAMissingFolderShowsTheErrorInThePane() {
        vm.open(site, "/gone");
        assertNull(vm.pathProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertEquals("Could not open Scripted: no such directory: /gone (550 Failed to change directory.)",
                vm.errorProperty().get());
    }

    @Test
    void whileLoggingInThePaneSaysConnectingNotEmpty() {
        vm.open(site);
        assertEquals(List.of("Connecting to Scripted…"), placeholdersWhileOpening);
        assertEquals("This folder is empty", vm.placeholderProperty().get());
        vm.open(site, "/gone");
        assertEquals("This folder is empty", vm.placeholderProperty().get(), "after a failure the error box speaks");
    }
}
