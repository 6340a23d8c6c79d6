package org.ferryftp.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed list of the classes the window loads at start (src/main/cds/window.classlist, from which the
 * build makes the window's class archive) still names Ferry's classes as they are: a start-up class renamed or
 * removed since the list was recorded means its successor is missing from the archive. Rerecord with
 * {@code bash .ci/window-classlist.sh}.
 */
class WindowClassListTest {

    private static final Path LIST = Path.of("src/main/cds/window.classlist");

    private static List<String> ferryClasses() throws IOException {
        return Files.readAllLines(LIST, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.startsWith("@") && !line.isBlank())
                .map(line -> line.split(" ", 2)[0])
                .filter(name -> name.startsWith("org/ferryftp/"))
                .toList();
    }

    @Test
    void everyFerryClassItNamesStillExists() throws IOException {
        List<String> gone = ferryClasses().stream()
                .filter(name -> WindowClassListTest.class.getClassLoader().getResource(name + ".class") == null)
                .toList();
        assertEquals(List.of(), gone, "gone since " + LIST + " was recorded: rerecord it (.ci/window-classlist.sh)");
    }

    @Test
    void itIsTheWindowsStart() throws IOException {
        List<String> names = ferryClasses();
        assertTrue(names.contains("org/ferryftp/app/FerryApp"), "the application class");
        assertTrue(names.contains("org/ferryftp/ui/main/MainWindow"), "the main window");
        assertTrue(names.contains("org/ferryftp/ui/browser/PaneView"), "the panes");
    }
}
