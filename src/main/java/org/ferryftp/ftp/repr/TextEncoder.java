package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Upload side of the text code: local text (already split into lines) to wire bytes in the EBCDIC code
 * page, or ISO-8859-1 for TYPE A so the bytes come out as they went in. Line ends pass on to framing.
 */
final class TextEncoder implements CharLines {

    private final StreamingEncoder encoder;
    private final ByteLines out;

    TextEncoder(Charset wireCharset, ByteLines out, LineCounter lines) {
        this.out = out;
        this.encoder = new StreamingEncoder(wireCharset, codePoint -> new UnencodableCharacterException(
                codePoint, lines.line(), "line " + lines.line() + " contains "
                + UnencodableCharacterException.describe(codePoint) + ", which has no code in "
                + wireCharset.name() + "; replace the character or choose another EBCDIC code page"));
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        encoder.encode(c, off, len, out);
    }

    @Override
    public void endLine() throws IOException {
        encoder.requireCompleteCharacter();
        encoder.drainTo(out);
        out.endLine();
    }

    @Override
    public void finish() throws IOException {
        encoder.finish(out);
        out.finish();
    }
}
