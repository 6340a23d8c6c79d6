package org.ferryftp.app;

import javafx.beans.Observable;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ferryftp.ui.browser.PaneViewModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * When the window became usable, for the start-up benchmark ({@code .ci/bench.sh startup}): the main window
 * at least {@value #MIN_WIDTH} px wide (JavaFX first maps a tiny window, which does not count), the local pane
 * listed and the keyboard focus set. It then writes {@code name epoch-millis} lines to the file that
 * {@value #ENV} names: the instants passed to {@link #phase} on the way and {@code usable}, taken after the
 * layout pass of the first pulse that shows all three (the benchmark subtracts its own launch instant), then
 * {@code cpu-ms} and the CPU time the process had used.
 * Without the variable nothing of this runs.
 */
final class StartupMark {

    static final String ENV = "FERRY_STARTUP_MARK";
    static final int MIN_WIDTH = 400;

    private final Path file;
    private final LongSupplier clock;
    private final Consumer<String> problems;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private boolean done;

    private StartupMark(Path file, LongSupplier clock, Consumer<String> problems) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        this.problems = problems;
    }

    /** A mark when {@value #ENV} names a file; {@code clock} gives epoch milliseconds. */
    static Optional<StartupMark> fromEnvironment(Map<String, String> env, LongSupplier clock,
                                                 Consumer<String> problems) {
        String path = env.get(ENV);
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StartupMark(Path.of(path), clock, problems));
    }

    /** Notes that start-up reached {@code name} now (FX thread). */
    void phase(String name) {
        phase(name, clock.getAsLong());
    }

    /** Notes that start-up reached {@code name} at {@code epochMillis}. */
    void phase(String name, long epochMillis) {
        phases.putIfAbsent(name, epochMillis);
    }

    /** Watches {@code stage} (already showing its scene) and the local pane until the window is usable. */
    void watch(Stage stage, PaneViewModel local) {
        Scene scene = stage.getScene();
        Runnable check = () -> {
            if (!done && usable(stage, local)) {
                done = true;
                Pulses.afterNextLayout(scene, () -> {
                    phase("usable");
                    write();
                });
            }
        };
        for (Observable o : new Observable[] {stage.showingProperty(), stage.widthProperty(),
                scene.focusOwnerProperty(), local.busyProperty(), local.pathProperty()}) {
            o.addListener(x -> check.run());
        }
        check.run();
    }

    static boolean usable(Stage stage, PaneViewModel local) {
        return stage.isShowing() && stage.getWidth() >= MIN_WIDTH && stage.getScene().getFocusOwner() != null
                && local.pathProperty().get() != null && !local.busyProperty().get();
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        phases.forEach((name, millis) -> text.append(name).append(' ').append(millis).append('\n'));
        // The CPU time the process used so far: on a busy machine it varies less than the wall time.
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(d -> text.append("cpu-ms ").append(d.toMillis()).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            problems.accept("cannot write the start-up mark " + file + ": " + e.getMessage());
        }
    }
}
