package org.ferryftp.ftp.repr;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes the representation codecs (EBCDIC text, ASA carriage control, STRU R records, STRU P pages)
 * in every combination: server bytes through the decoder and local bytes through the encoder, once in
 * one write and once in fuzzed chunks. Only the documented IOExceptions may come out (and
 * IllegalArgumentException for STRU P with a TYPE L byte size other than 8), and the chunking must not
 * change the result: the same bytes, or the same failure at the same byte.
 */
class RepresentationFuzzTest {

    private static final Charset[] CODE_PAGES = {Representation.DEFAULT_EBCDIC, Charset.forName("IBM037"),
            Charset.forName("IBM500"), Charset.forName("IBM273"), Charset.forName("x-IBM930")};
    private static final Charset[] LOCAL_CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE};

    @FuzzTest
    void decoder(FuzzedDataProvider data) throws IOException {
        sameResultWhateverTheChunks(data, RepresentationCodecs::decoder);
    }

    @FuzzTest
    void encoder(FuzzedDataProvider data) throws IOException {
        sameResultWhateverTheChunks(data, RepresentationCodecs::encoder);
    }

    private interface Codec {
        OutputStream open(Representation r, LocalTextForm local, OutputStream out);
    }

    private static void sameResultWhateverTheChunks(FuzzedDataProvider data, Codec codec) throws IOException {
        TransferType type = data.pickValue(TransferType.values());
        int byteSize = type == TransferType.LOCAL ? data.pickValue(new int[] {8, 8, 7, 36}) : 8;
        Representation r = new Representation(type, data.pickValue(FormatControl.values()), byteSize,
                data.pickValue(FileStructure.values()), TransferMode.STREAM, data.pickValue(CODE_PAGES));
        LocalTextForm local = new LocalTextForm(data.pickValue(LOCAL_CHARSETS), data.consumeBoolean() ? "\n" : "\r\n");
        int chunk = data.consumeInt(1, 512);
        byte[] input = data.consumeRemainingAsBytes();

        Outcome whole = run(codec, r, local, input, input.length);
        Outcome chunked = run(codec, r, local, input, chunk);
        assertEquals(whole.failure, chunked.failure, r.describe());
        if (whole.failure == null) {
            assertArrayEquals(whole.output, chunked.output, r.describe());
        }
    }

    private record Outcome(byte[] output, String failure) {
    }

    private static Outcome run(Codec codec, Representation r, LocalTextForm local, byte[] input, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream stream;
        try {
            stream = codec.open(r, local, out);
        } catch (IllegalArgumentException documented) {
            return new Outcome(null, documented.getMessage());
        }
        try (stream) {
            for (int off = 0; off < input.length; off += Math.max(chunk, 1)) {
                stream.write(input, off, Math.min(Math.max(chunk, 1), input.length - off));
            }
        } catch (IOException documented) {
            return new Outcome(null, documented.getClass().getSimpleName() + ": " + documented.getMessage());
        }
        return new Outcome(out.toByteArray(), null);
    }
}
