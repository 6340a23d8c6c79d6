package org.ferryftp.ui.browser;

import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.Rfc959Extension;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pane on a real connection to a server with RFC 959 only (and no PASV): browse, mkdir, rename, delete. */
class Rfc959PaneTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 504})
    void browseMakeRenameAndDeleteWork(int code) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code).lacks(Rfc959Extension.PASV, code)) {
            server.mkdir("/pub/docs").putFile("/pub/a.txt", "a".getBytes());
            Source site = Source.of(new SiteRef("s", "Old", SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of("ferry", "secret")), 1));
            BrowserFactory real = new StandardBrowserFactory(new StandardSessions(LogListener.NONE));
            PaneViewModel vm = new PaneViewModel(new SameThreadUiExecutor(), real::open, msg);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            PaneOperations ops = new PaneOperations(vm, dialogs);
            try {
                vm.open(site, "/pub");
                assertNull(vm.errorProperty().get());
                assertEquals(List.of("docs", "a.txt"), names(vm));
                dialogs.folderName = "new";
                ops.newFolder();
                assertTrue(server.isDirectory("/pub/new"));
                dialogs.newName = "b.txt";
                ops.rename(row(vm, "a.txt"));
                assertArrayEquals("a".getBytes(), server.file("/pub/b.txt"));
                ops.delete(List.of(row(vm, "b.txt"), row(vm, "docs")));
                assertFalse(server.exists("/pub/b.txt"));
                assertFalse(server.exists("/pub/docs"));
                assertEquals(List.of("new"), names(vm));
                vm.navigate("/pub/missing");
                assertEquals("/pub", vm.pathProperty().get());
                assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("MLS") || c.startsWith("SIZE")),
                        server.commands().toString());
            } finally {
                vm.close();
            }
        }
    }

    private static List<String> names(PaneViewModel vm) {
        return vm.rows().stream().map(FileRow::name).toList();
    }

    private static FileRow row(PaneViewModel vm, String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
