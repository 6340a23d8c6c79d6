package org.ferryftp.ftp.repr;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How converted text is stored on the local disk: its charset (used for TYPE E, whose wire bytes are
 * EBCDIC) and its line separator (used for every text conversion).
 */
public record LocalTextForm(Charset charset, String lineSeparator) {

    public static final LocalTextForm PLATFORM = new LocalTextForm(StandardCharsets.UTF_8, System.lineSeparator());
    public static final LocalTextForm UNIX = new LocalTextForm(StandardCharsets.UTF_8, "\n");
    public static final LocalTextForm WINDOWS = new LocalTextForm(StandardCharsets.UTF_8, "\r\n");

    public LocalTextForm {
        Objects.requireNonNull(charset, "charset");
        if (!"\n".equals(lineSeparator) && !"\r\n".equals(lineSeparator)) {
            throw new IllegalArgumentException("line separator must be LF or CRLF");
        }
    }
}
