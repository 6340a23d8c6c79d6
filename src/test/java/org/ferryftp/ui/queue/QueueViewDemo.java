package org.ferryftp.ui.queue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.FileFacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Test-only demo: the queue view against embedded MINA with running, waiting, paused, failed and finished
 * items, to look at under Xvfb. With the argument {@code conflict} it also opens the conflict dialog.
 * Not an Application subclass, so it starts from the class path.
 */
public final class QueueViewDemo {

    private QueueViewDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("ferry-demo-server");
        Path local = Files.createTempDirectory("ferry-demo-local");
        MinaQueue.writeRandom(root.resolve("small.txt"), 20_000);
        MinaQueue.writeRandom(root.resolve("photos/IMG_0001.jpg"), 3_400_000);
        for (int i = 1; i <= 6; i++) {
            MinaQueue.writeRandom(root.resolve("release/ferry-0." + i + ".tar.gz"), 40_000_000 + i * 1_000_000);
        }
        MinaQueue mina = new MinaQueue(root, local, 1);
        mina.download("/small.txt");
        mina.download("/photos/IMG_0001.jpg");
        mina.download("/missing/report.pdf");
        mina.queue.setBandwidthLimit(3_000_000);
        for (int i = 1; i <= 6; i++) {
            mina.download("/release/ferry-0." + i + ".tar.gz");
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Platform.startup(() -> {
            ResourceBundle bundle = QueueView.defaultBundle();
            QueueViewModel vm = new QueueViewModel(mina.queue, Platform::runLater, timer,
                    ProgressThrottle.Scheduler.of(timer), System::nanoTime);
            QueueView view = new QueueView(vm, bundle);
            QueueStatusBar bar = new QueueStatusBar(vm, bundle);
            Stage stage = new Stage();
            stage.setTitle("Ferry — transfer queue");
            stage.setScene(new Scene(new BorderPane(view, null, null, bar, null), 1260, 380));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            // Pause the last one, so every state is on screen.
            timer.schedule(() -> mina.queue.pause(List.of(9L)), 1, java.util.concurrent.TimeUnit.SECONDS);
            if (List.of(args).contains("failed")) {
                view.select(QueueTab.FAILED);
            }
            if (List.of(args).contains("conflict")) {
                FxConflictPrompt prompt = new FxConflictPrompt(bundle, () -> stage, ZoneId.of("UTC"));
                prompt.show(new ConflictQuestion(TransferDirection.DOWNLOAD, "MINA:/release/ferry-0.1.tar.gz",
                        local.resolve("ferry-0.1.tar.gz").toString(),
                        new FileFacts(41_000_000, Instant.parse("2026-11-20T10:15:00Z")),
                        new FileFacts(12_500_000, Instant.parse("2026-11-01T08:00:00Z"))), a -> { });
            }
        });
    }
}
