package org.ferryftp.transfer.edit;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operating system's way to open a file: {@link Desktop#open} where it is supported, else xdg-open (Linux and
 * BSD), open (macOS) or start (Windows); or a program the user chose, given the file as its last argument.
 */
public final class SystemOpener implements FileOpener {

    private final List<String> program;

    /** The default application for the file's type. */
    public SystemOpener() {
        this(List.of());
    }

    /** @param program a command and its arguments, the file appended; empty for the system's default */
    public SystemOpener(List<String> program) {
        this.program = List.copyOf(program);
    }

    @Override
    public void open(Path file) throws IOException {
        if (program.isEmpty() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(file.toFile());
                return;
            } catch (IOException e) {
                // AWT claims OPEN where it cannot do it (no GNOME libraries); the desktop's own command may.
            }
        }
        List<String> command = new ArrayList<>(program.isEmpty() ? fallback() : program);
        command.add(file.toString());
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<String> fallback() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("cmd", "/c", "start", "\"\"");
        }
        if (os.contains("mac")) {
            return List.of("open");
        }
        return List.of("xdg-open");
    }
}
