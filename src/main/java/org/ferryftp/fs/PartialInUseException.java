package org.ferryftp.fs;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** Another download, in this process or another one, holds the lock on a partial file. */
public final class PartialInUseException extends FileSystemException {

    public PartialInUseException(Path partial) {
        super(partial.toString());
    }

    @Override
    public String getMessage() {
        return "another transfer is writing " + getFile();
    }
}
