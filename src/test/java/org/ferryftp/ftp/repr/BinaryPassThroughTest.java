package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.assertBytes;
import static org.ferryftp.ftp.repr.CodecHarness.download;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule 4: TYPE I and TYPE L n with STRU F leave bytes unchanged and do no per-byte work. */
class BinaryPassThroughTest {

    private static List<Representation> passThrough() {
        Representation i = Representation.BINARY;
        return List.of(i, i.withLocalByteSize(8), i.withLocalByteSize(1), i.withLocalByteSize(7),
                i.withLocalByteSize(36), i.withLocalByteSize(255));
    }

    private static byte[] everyByteValueTwice() {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void bytesPassUnchangedBothWays() {
        byte[] data = everyByteValueTwice();
        for (Representation r : passThrough()) {
            for (LocalTextForm local : new LocalTextForm[] {LF, CRLF}) {
                assertBytes(data, download(r, local, data));
                assertBytes(data, upload(r, local, data));
            }
        }
    }

    @Test
    void lineEndsAreNotTouched() {
        byte[] data = latin1("a\r\nb\nc\rd\r");
        for (Representation r : passThrough()) {
            assertBytes(data, download(r, CRLF, data));
            assertBytes(data, upload(r, LF, data));
        }
    }

    @Test
    void arraysAreForwardedAsTheyAre() throws IOException {
        for (Representation r : passThrough()) {
            for (boolean downloading : new boolean[] {true, false}) {
                Recorder target = new Recorder();
                OutputStream s = downloading ? RepresentationCodecs.decoder(r, LF, target)
                        : RepresentationCodecs.encoder(r, LF, target);
                byte[] big = new byte[1 << 20];
                s.write(big, 17, 1000);
                s.write(big, 0, big.length);
                assertEquals(2, target.calls.size(), r.describe());
                assertSame(big, target.calls.get(0).array());
                assertEquals(17, target.calls.get(0).off());
                assertEquals(1000, target.calls.get(0).len());
                assertSame(big, target.calls.get(1).array());
                assertEquals(big.length, target.calls.get(1).len());
                s.flush();
                assertTrue(target.flushed);
                s.close();
                assertTrue(target.closed);
            }
        }
    }

    @Test
    void convertingStreamsDoNotPassSmallWritesOneByOne() throws IOException {
        // text streams buffer their output; a per-byte implementation would make thousands of calls
        Recorder target = new Recorder();
        try (OutputStream s = RepresentationCodecs.decoder(Representation.ASCII, LF, target)) {
            byte[] text = latin1("line of text\r\n".repeat(1000));
            s.write(text, 0, text.length);
        }
        assertTrue(target.calls.size() <= 3, "calls: " + target.calls.size());
        assertEquals(13 * 1000, target.calls.stream().mapToInt(Call::len).sum());
    }

    private record Call(byte[] array, int off, int len) {
    }

    /** Records every write call without copying, to see whether arrays are handed on directly. */
    private static final class Recorder extends OutputStream {
        final List<Call> calls = new ArrayList<>();
        boolean flushed;
        boolean closed;

        @Override
        public void write(int b) {
            calls.add(new Call(new byte[] {(byte) b}, 0, 1));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            calls.add(new Call(b, off, len));
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
