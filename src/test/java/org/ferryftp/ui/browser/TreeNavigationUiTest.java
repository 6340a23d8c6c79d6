package org.ferryftp.ui.browser;

import org.ferryftp.transfer.StandardSessions;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folder tree holds only folders that exist, however the user moves: the journey test
 * (.ci/gui-journey.sh) saw a typed path and a double click put the new folder's sub-folders under the folder
 * left behind ("/site" beside "/wt-journey" after typing /wt-journey, which holds "site").
 */
@ExtendWith(ApplicationExtension.class)
class TreeNavigationUiTest {

    private EmbeddedMinaServer server;
    private FxUiExecutor executor;
    private PaneViewModel vm;
    private PaneView view;
    private Source site;
    private Path root;

    @Start
    void start(Stage stage) throws IOException {
        root = Files.createTempDirectory("ferry-tree-nav");
        server = new EmbeddedMinaServer(root);
        server.write("journey/site/inbox/report.bin", new byte[10]);
        server.write("journey/site/archive/old.bin", new byte[10]);
        server.write("other/x.txt", new byte[1]);
        site = Source.of(new SiteRef("test", "Test", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2));
        Messages msg = new Messages(Locale.ENGLISH);
        executor = new FxUiExecutor(2);
        vm = new PaneViewModel(executor, new StandardBrowserFactory(new StandardSessions(LogListener.NONE)), msg);
        view = new PaneView(new PaneOperations(vm, new ScriptedDialogs()),
                new TransferCoordinator(new RecordingSubmitter(), msg), FXCollections.observableArrayList(site),
                () -> null, msg, "right");
        stage.setScene(new Scene(view.node(), 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        fx(() -> {
            vm.close();
            return null;
        });
        executor.close();
        server.close();
    }

    @Test
    void aTypedPathAndADoubleClickAddNoFoldersThatDoNotExist() {
        fx(() -> {
            vm.open(site);
            return null;
        });
        until("root listed", () -> fx(() -> "/".equals(vm.pathProperty().get()) && !vm.busyProperty().get()));

        fx(() -> {
            vm.navigate("/journey");
            return null;
        });
        until("/journey listed", () -> fx(() -> "/journey".equals(vm.pathProperty().get())
                && !vm.busyProperty().get()));
        assertEquals(List.of("/", "/journey", "/other", "/pub", "/journey/site"), fx(this::treeFolders));
        allExist();

        fx(() -> vm.enter(vm.rows().stream().filter(r -> r.name().equals("site")).findFirst().orElseThrow()));
        until("/journey/site listed", () -> fx(() -> "/journey/site".equals(vm.pathProperty().get())
                && !vm.busyProperty().get()));
        assertEquals(List.of("/", "/journey", "/other", "/pub", "/journey/site", "/journey/site/archive",
                "/journey/site/inbox"), fx(this::treeFolders));
        allExist();
    }

    private void allExist() {
        for (String folder : fx(this::treeFolders)) {
            assertTrue(Files.isDirectory(root.resolve(folder.substring(1))), folder + " is in the tree, not on the server");
        }
    }

    /** Every folder in the tree, breadth first. */
    private List<String> treeFolders() {
        TreeView<?> tree = (TreeView<?>) view.node().lookup("#right-tree");
        List<String> out = new ArrayList<>();
        List<TreeItem<?>> level = new ArrayList<>(List.of(tree.getRoot()));
        while (!level.isEmpty()) {
            List<TreeItem<?>> next = new ArrayList<>();
            for (TreeItem<?> item : level) {
                out.add(String.valueOf(item.getValue()));
                next.addAll(item.getChildren());
            }
            level = next;
        }
        return out;
    }
}
