package org.ferryftp.ftp.repr;

import java.io.IOException;

/** A pipeline stage that takes bytes. Stages call each other synchronously; none of them is thread-safe. */
interface ByteSink {

    void write(byte[] b, int off, int len) throws IOException;

    /**
     * End of data: validate what is pending, write trailers and flush everything downstream. Does not close
     * the caller's stream; {@link CodecStream} does that, so it gets closed even when validation fails.
     */
    void finish() throws IOException;
}
