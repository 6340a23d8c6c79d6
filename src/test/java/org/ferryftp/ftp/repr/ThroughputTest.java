package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints rough throughput figures; it asserts only that the output has the expected size, never a speed,
 * because the build machines are shared. Target: at least 200 MB/s for TYPE A N.
 */
class ThroughputTest {

    private static final int LINES = 250_000; // 64-byte wire lines: 16 MB

    @Test
    void printThroughput() throws IOException {
        String line = "The quick brown fox jumps over the lazy dog, 0123456789 ABCDEF";
        byte[] wireA = (line + "\r\n").repeat(LINES).getBytes(StandardCharsets.ISO_8859_1);
        byte[] localText = (line + "\n").repeat(LINES).getBytes(StandardCharsets.ISO_8859_1);
        byte[] wireE = (line + "\n").repeat(LINES).getBytes(Representation.DEFAULT_EBCDIC); // LF -> NL 0x15
        Representation eN = Representation.ASCII.withType(TransferType.EBCDIC);

        measure("TYPE A N download", RepresentationCodecs::decoder, Representation.ASCII, wireA, localText.length);
        measure("TYPE A N upload  ", RepresentationCodecs::encoder, Representation.ASCII, localText, wireA.length);
        measure("TYPE E N download", RepresentationCodecs::decoder, eN, wireE, localText.length);
        measure("TYPE E N upload  ", RepresentationCodecs::encoder, eN, localText, wireE.length);
    }

    private interface Factory {
        OutputStream open(Representation r, LocalTextForm local, OutputStream out);
    }

    private static void measure(String name, Factory f, Representation r, byte[] in, long expectedOut)
            throws IOException {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            Counter out = new Counter();
            long start = System.nanoTime();
            try (OutputStream s = f.open(r, LF, out)) {
                for (int off = 0; off < in.length; off += 65536) {
                    s.write(in, off, Math.min(65536, in.length - off));
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            assertEquals(expectedOut, out.count, name);
        }
        System.out.printf("%s %7.0f MB/s%n", name, in.length / best / 1e6);
    }

    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
