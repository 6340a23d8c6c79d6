package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Download side, last text stage: writes lines in the local charset, each line end as the local
 * separator (encoded in that charset too, so UTF-16 files get two-byte line ends).
 */
final class LocalLineWriter implements CharLines {

    private final StreamingEncoder encoder;
    private final char[] separator;
    private final ByteSink out;
    private int line = 1;

    LocalLineWriter(Charset localCharset, String separator, ByteSink out) {
        this.separator = separator.toCharArray();
        this.out = out;
        this.encoder = new StreamingEncoder(localCharset, codePoint -> new UnencodableCharacterException(
                codePoint, line, "line " + line + " of the downloaded text contains "
                + UnencodableCharacterException.describe(codePoint) + ", which the local charset "
                + localCharset.name() + " cannot store; choose a local charset that can, such as UTF-8"));
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        encoder.encode(c, off, len, out);
    }

    @Override
    public void endLine() throws IOException {
        encoder.encode(separator, 0, separator.length, out);
        line++;
    }

    @Override
    public void finish() throws IOException {
        encoder.finish(out);
        out.finish();
    }
}
