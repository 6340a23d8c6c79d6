package org.ferryftp.ftp.repr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a codec over the same input in several chunkings (one write, byte by byte through
 * write(byte[],int,int), byte by byte through write(int), seeded random splits including empty writes) and
 * checks they all agree, so every test also checks that state survives chunk boundaries.
 */
final class CodecHarness {

    static final LocalTextForm LF = new LocalTextForm(StandardCharsets.UTF_8, "\n");
    static final LocalTextForm CRLF = new LocalTextForm(StandardCharsets.UTF_8, "\r\n");

    private CodecHarness() {
    }

    static Representation rep(TransferType type, FormatControl format, FileStructure structure) {
        return Representation.ASCII.withType(type).withFormat(format).withStructure(structure);
    }

    static LocalTextForm local(Charset charset, String separator) {
        return new LocalTextForm(charset, separator);
    }

    /** Bytes from ints, for hand-written wire data: bytes(0xFF, 0x01). */
    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** One byte per char (ISO-8859-1), for TYPE A data written as escaped strings. */
    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }

    /** Compares as hex so a failure shows both sides readably. */
    static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(hex(expected), hex(actual));
    }

    static byte[] download(Representation r, LocalTextForm local, byte[] wire) {
        return runAll(out -> RepresentationCodecs.decoder(r, local, out), wire);
    }

    static byte[] upload(Representation r, LocalTextForm local, byte[] localBytes) {
        return runAll(out -> RepresentationCodecs.encoder(r, local, out), localBytes);
    }

    static <T extends IOException> T downloadFails(Class<T> type, Representation r, LocalTextForm local,
                                                   byte[] wire) {
        return failAll(type, out -> RepresentationCodecs.decoder(r, local, out), wire);
    }

    static <T extends IOException> T uploadFails(Class<T> type, Representation r, LocalTextForm local,
                                                 byte[] localBytes) {
        return failAll(type, out -> RepresentationCodecs.encoder(r, local, out), localBytes);
    }

    /** The chunkings every conversion is run in: lists of (offset, length) writes; null means write(int). */
    static List<int[][]> chunkings(int length) {
        List<int[][]> all = new ArrayList<>();
        all.add(new int[][] {{0, length}});
        int[][] single = new int[length][];
        for (int i = 0; i < length; i++) {
            single[i] = new int[] {i, 1};
        }
        all.add(single);
        all.add(null);
        for (long seed = 1; seed <= 3; seed++) {
            all.add(randomSplits(length, new Random(seed)));
        }
        return all;
    }

    static int[][] randomSplits(int length, Random random) {
        List<int[]> parts = new ArrayList<>();
        int pos = 0;
        while (pos < length) {
            int n = random.nextInt(8) == 0 ? random.nextInt(300) : random.nextInt(6); // includes empty writes
            n = Math.min(n, length - pos);
            parts.add(new int[] {pos, n});
            pos += n;
        }
        return parts.toArray(new int[0][]);
    }

    /** Writes {@code input} into a fresh codec using the given chunking, closes it, returns the output. */
    static byte[] run(Function<OutputStream, OutputStream> codec, byte[] input, int[][] chunks) throws IOException {
        ClosingCapture target = new ClosingCapture();
        OutputStream stream = codec.apply(target);
        try {
            if (chunks == null) {
                for (byte b : input) {
                    stream.write(b & 0xFF);
                }
            } else {
                for (int[] c : chunks) {
                    stream.write(input, c[0], c[1]);
                }
            }
        } finally {
            try {
                stream.close();
            } finally {
                assertTrue(target.closed, "close() must close the target stream, also after a failure");
            }
        }
        return target.toByteArray();
    }

    private static byte[] runAll(Function<OutputStream, OutputStream> codec, byte[] input) {
        byte[] first = null;
        for (int[][] chunks : chunkings(input.length)) {
            byte[] out;
            try {
                out = run(codec, input, chunks);
            } catch (IOException e) {
                throw new AssertionError("conversion failed: " + e.getMessage(), e);
            }
            if (first == null) {
                first = out;
            } else {
                assertEquals(hex(first), hex(out), "output differs between chunkings");
            }
        }
        return first;
    }

    private static <T extends IOException> T failAll(Class<T> type, Function<OutputStream, OutputStream> codec,
                                                     byte[] input) {
        T first = null;
        for (int[][] chunks : chunkings(input.length)) {
            try {
                run(codec, input, chunks);
                fail("expected " + type.getSimpleName() + " but the conversion succeeded");
            } catch (IOException e) {
                if (!type.isInstance(e)) {
                    throw new AssertionError("expected " + type.getSimpleName() + " but got " + e, e);
                }
                if (first == null) {
                    first = type.cast(e);
                } else {
                    assertEquals(first.getMessage(), e.getMessage(), "message differs between chunkings");
                }
            }
        }
        assertNotNull(first);
        return first;
    }

    /** Captures output and remembers whether it was closed. */
    static final class ClosingCapture extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
