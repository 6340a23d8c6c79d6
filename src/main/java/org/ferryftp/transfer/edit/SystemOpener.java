package org.ferryftp.transfer.edit;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The operating system's way to open a file: {@link Desktop#open} where it is supported, else xdg-open (Linux and
 * BSD), open (macOS) or start (Windows); or the program the user chose ("Open files with:" in the preferences),
 * given the file as its one argument.
 */
public final class SystemOpener implements FileOpener {

    private final Supplier<String> program;

    /** The default application for the file's type. */
    public SystemOpener() {
        this(() -> "");
    }

    /**
     * @param program asked at each open (the preferences may change meanwhile): a program's path or name on the
     *                PATH; empty for the system's default
     */
    public SystemOpener(Supplier<String> program) {
        this.program = program;
    }

    @Override
    public void open(Path file) throws IOException {
        String chosen = program.get() == null ? "" : program.get().strip();
        if (!chosen.isEmpty()) {
            start(List.of(chosen, file.toString()));
            return;
        }
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(file.toFile());
                return;
            } catch (IOException e) {
                // AWT claims OPEN where it cannot do it (no GNOME libraries); the desktop's own command may.
            }
        }
        start(fallback(file.toString()));
    }

    private static void start(List<String> command) throws IOException {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<String> fallback(String file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("cmd", "/c", "start", "\"\"", file);
        }
        if (os.contains("mac")) {
            return List.of("open", file);
        }
        return List.of("xdg-open", file);
    }
}
