package org.ferryftp.bench;

import org.ferryftp.transfer.StandardSessions;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;

/**
 * Benchmark, not a test (no assertions, not run by the build): opens a 100,000-entry MLSD directory of
 * the scripted test server in the right pane and prints the time to the first rows in the table, the
 * time to the complete listing and the FX thread's worst busy stretch. Run it with
 * {@code mvn -o test -Dtest=RemoteListingBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteListingBench {

    private static final int ENTRIES = 100_000;

    private ScriptedFtpServer server;
    private FxUiExecutor executor;
    private MainWindow window;
    private Source remote;
    private final Source empty = Source.local("Empty");

    @Start
    void start(Stage stage) throws Exception {
        server = new ScriptedFtpServer();
        List<String> lines = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            lines.add(i % 1000 == 0 ? String.format("type=dir;modify=20240101120000; dir-%06d", i)
                    : String.format("type=file;size=%d;modify=20240101120000;perm=rw; file-%06d.dat", i * 37L, i));
        }
        server.mkdir("/big");
        server.setListing("/big", "MLSD", lines);
        remote = Source.of(new SiteRef("bench", "Bench",
                SessionSettings.of("127.0.0.1", server.port(), Credentials.of("ferry", "secret")), 2));
        executor = new FxUiExecutor(2);
        StandardBrowserFactory standard = new StandardBrowserFactory(new StandardSessions(LogListener.NONE));
        window = new MainWindow(MainWindowConfig.builder(new Messages(Locale.ENGLISH), executor,
                s -> s == remote ? standard.open(s)
                        : new FakeBrowser("/").with("/", FakeBrowser.dir("dir-000000"), FakeBrowser.file("a.txt", 1)),
                List.of(empty, remote), empty, empty, new RecordingSubmitter(), new LogBuffer(100))
                .dialogs(new ScriptedDialogs())
                .build());
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
        executor.close();
        server.close();
    }

    private static boolean cellShown(FxRobot robot, String text) {
        return robot.lookup("#right-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).tryQuery().isPresent();
    }

    @Test
    void measure(FxRobot robot) {
        until("window ready", () -> "/".equals(window.right().viewModel().pathProperty().get())
                && cellShown(robot, "dir-000000"));
        for (int run = 1; run <= 3; run++) {
            once(robot, run);
        }
    }

    private void once(FxRobot robot, int run) {
        // Start from the small directory, so the big one's cells are not on screen yet.
        fx(() -> {
            window.right().viewModel().open(empty);
            return null;
        });
        until("small directory", () -> cellShown(robot, "a.txt") && !cellShown(robot, "dir-001000"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = fx(() -> Thread.currentThread().getId());
        AtomicLong worstBusy = new AtomicLong();
        AtomicLong worstWait = new AtomicLong();
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        probe.scheduleAtFixedRate(() -> {
            long postedCpu = threads.getThreadCpuTime(fxThread);
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                worstBusy.accumulateAndGet(threads.getThreadCpuTime(fxThread) - postedCpu, Math::max);
                worstWait.accumulateAndGet(System.nanoTime() - posted, Math::max);
            });
        }, 0, 10, TimeUnit.MILLISECONDS);
        try {
            long start = System.nanoTime();
            fx(() -> {
                window.right().viewModel().open(remote, "/big");
                return null;
            });
            until("first rows", 60, () -> cellShown(robot, "dir-001000") || cellShown(robot, "file-000001.dat"));
            long first = (System.nanoTime() - start) / 1_000_000;
            until("all rows", 60, () -> fx(() -> window.right().viewModel().rows().size() == ENTRIES
                    && !window.right().viewModel().busyProperty().get()));
            long all = (System.nanoTime() - start) / 1_000_000;
            var os = ManagementFactory.getOperatingSystemMXBean();
            System.out.printf("RemoteListingBench run %d: first rows %d ms, all %d rows %d ms, FX worst busy %d ms CPU,"
                            + " worst wait %d ms wall (load %.1f on %d cores)%n", run, first, ENTRIES, all,
                    worstBusy.get() / 1_000_000, worstWait.get() / 1_000_000, os.getSystemLoadAverage(),
                    os.getAvailableProcessors());
        } finally {
            probe.shutdownNow();
        }
    }
}
