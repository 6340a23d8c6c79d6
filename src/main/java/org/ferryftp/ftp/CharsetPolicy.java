package org.ferryftp.ftp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The charset of file names and paths on the control connection. */
public sealed interface CharsetPolicy {

    /** UTF-8, announced with {@code OPTS UTF8 ON} when the server advertises UTF8 (RFC 2640). */
    record Auto() implements CharsetPolicy {
    }

    /** UTF-8 whatever the server advertises ({@code OPTS UTF8 ON} is still sent when advertised). */
    record Utf8() implements CharsetPolicy {
    }

    /** A fixed charset, for servers that use a legacy code page; nothing is announced. */
    record Named(Charset charset) implements CharsetPolicy {
        public Named {
            Objects.requireNonNull(charset, "charset");
        }
    }

    CharsetPolicy AUTO = new Auto();
    CharsetPolicy UTF8 = new Utf8();

    default Charset charset() {
        return this instanceof Named named ? named.charset() : StandardCharsets.UTF_8;
    }

    default boolean announcesUtf8() {
        return !(this instanceof Named);
    }

    /** Parses "auto", "utf-8"/"utf8" or a Java charset name. */
    static CharsetPolicy parse(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        if (name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8")) {
            return UTF8;
        }
        return new Named(Charset.forName(name));
    }
}
