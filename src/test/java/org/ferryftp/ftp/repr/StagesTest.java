package org.ferryftp.ftp.repr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.assertBytes;
import static org.ferryftp.ftp.repr.CodecHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Package-private stages whose edge cases the public streams cannot reach with today's charsets (a
 * surrogate pair cut between two char writes) or only by chance (an output block filled to the byte).
 */
class StagesTest {

    /** Collects bytes and line ends as "|". */
    private static final class Collect implements ByteLines {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void endLine() {
            bytes.write('|');
        }

        @Override
        public void finish() {
        }
    }

    @Test
    void encoderJoinsASurrogatePairCutBetweenWrites() throws IOException {
        Collect out = new Collect();
        TextEncoder enc = new TextEncoder(StandardCharsets.UTF_8, out, new LineCounter());
        enc.write(new char[] {'x', '\uD83D'}, 0, 2);
        enc.write(new char[] {'\uDE00', 'y'}, 0, 2);
        enc.endLine();
        enc.finish();
        assertBytes(bytes('x', 0xF0, 0x9F, 0x98, 0x80, 'y', '|'), out.bytes.toByteArray());
    }

    @Test
    void encoderNamesAHighSurrogateLeftAtALineEnd() throws IOException {
        LineCounter lines = new LineCounter();
        lines.next();
        TextEncoder enc = new TextEncoder(StandardCharsets.UTF_8, new Collect(), lines);
        enc.write(new char[] {'x', '\uD83D'}, 0, 2);
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class, enc::endLine);
        assertEquals(0xD83D, e.codePoint());
        assertEquals(2, e.line());
        assertEquals("line 2 contains U+D83D, which has no code in UTF-8; replace the character or choose "
                + "another EBCDIC code page", e.getMessage());
    }

    @Test
    void outputSinkKeepsOrderWhateverTheWriteSizes() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputSink sink = new OutputSink(target);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Random rnd = new Random(3);
        byte[] data = new byte[20_000];
        rnd.nextBytes(data);
        // sizes chosen to fill the 8 KiB block exactly, overflow it by one, and bypass it
        int[] sizes = {8191, 1, 8192, 4096, 4097, 1, 2, 8191, 8193, 0, 7};
        int off = 0;
        for (int n : sizes) {
            int len = Math.min(n, data.length - off);
            sink.write(data, off, len);
            expected.write(data, off, len);
            off = (off + len) % 10_000;
        }
        sink.finish();
        assertBytes(expected.toByteArray(), target.toByteArray());
    }
}
