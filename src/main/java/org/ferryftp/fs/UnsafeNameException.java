package org.ferryftp.fs;

import java.io.IOException;

/** A name from a server that cannot safely become a local path. */
public class UnsafeNameException extends IOException {

    public UnsafeNameException(String message) {
        super(message);
    }
}
