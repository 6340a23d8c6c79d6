package org.ferryftp.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known test vectors (FIPS 180, RFC 1321, the CRC-32 check value), and a file larger than the read buffer. */
class LocalChecksumsTest {

    @TempDir
    Path dir;

    Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @ParameterizedTest
    @CsvSource({
            "SHA-256, abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "SHA-1, abc, a9993e364706816aba3e25717850c26c9cd0d89d",
            "MD5, abc, 900150983cd24fb0d6963f7d28e17f72",
            "CRC32, abc, 352441c2",
            "CRC32, 123456789, cbf43926",
            "crc32, x31, 001685f0",
            "sha256, abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "SHA-512, abc, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "SHA-1, The quick brown fox jumps over the lazy dog, 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
    })
    void knownVectors(String algorithm, String content, String hex) throws IOException {
        assertEquals(hex, LocalChecksums.compute(file("f", content.getBytes(StandardCharsets.US_ASCII)), algorithm));
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = file("empty", new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                LocalChecksums.compute(empty, "SHA-256"));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", LocalChecksums.compute(empty, "MD5"));
        assertEquals("00000000", LocalChecksums.compute(empty, "CRC32"));
    }

    /** 3 MB + 17 bytes: several buffer fills and a short last one. Expected values from Python's hashlib/zlib. */
    @Test
    void fileLargerThanTheBuffer() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((i * 31L + 7) % 251);
        }
        Path big = file("big", data);
        assertEquals("e7bff00c7b67234117b8c364725cf2b41fc31f7f46674b1a4a6b3c5516b3a6ed",
                LocalChecksums.compute(big, "SHA-256"));
        assertEquals("fd1d49162755d499d59a23ff5e4a0627", LocalChecksums.compute(big, "MD5"));
        assertEquals("49e98272", LocalChecksums.compute(big, "CRC32"));
    }

    @Test
    void unknownAlgorithmAndMissingFile() throws IOException {
        Path f = file("f", new byte[1]);
        assertThrows(IllegalArgumentException.class, () -> LocalChecksums.compute(f, "SHA-3"));
        assertThrows(NoSuchFileException.class, () -> LocalChecksums.compute(dir.resolve("missing"), "MD5"));
    }
}
