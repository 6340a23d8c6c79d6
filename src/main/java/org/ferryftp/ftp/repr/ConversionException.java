package org.ferryftp.ftp.repr;

import java.io.IOException;

/** Data could not be converted between its wire and local forms; the message says why and where. */
public class ConversionException extends IOException {

    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
