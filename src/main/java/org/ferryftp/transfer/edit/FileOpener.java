package org.ferryftp.transfer.edit;

import java.io.IOException;
import java.nio.file.Path;

/** Shows a local file to the user in another application: the system's default for its type, or a chosen one. */
@FunctionalInterface
public interface FileOpener {

    void open(Path file) throws IOException;
}
