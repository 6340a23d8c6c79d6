package org.ferryftp.ui.edit;

import java.nio.file.Path;

/** Shows a local file in Ferry's quick viewer; a window in the app, something that records in tests. */
@FunctionalInterface
public interface FileViewer {

    /** @param title what the file is, e.g. its remote URL */
    void show(Path file, String title);
}
