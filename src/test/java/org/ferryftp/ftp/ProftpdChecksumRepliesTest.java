package org.ferryftp.ftp;

import org.ferryftp.session.RemoteChecksum;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ProFTPD's mod_digest answers HASH and the X* commands with a multi-line reply whose first line only says what
 * it is doing; the digest is on the final line (replies copied from ProFTPD 1.3.8, Debian 12).
 */
class ProftpdChecksumRepliesTest {

    static final String SHA512 = "4e8f7e8b69e0e5bc0f620b932cba5fae42ff48246bceaf87840b9314dc005ddf"
            + "7d6bb68725ce55caed6b270b65fcbc8e27f8bbc66fa3c848a7f1db9759799101";

    final List<String> sent = new ArrayList<>();

    Checksums.Exchange answering(FtpReply reply) {
        return (verb, arg, ok) -> {
            sent.add(verb + " " + arg);
            return verb.equals("OPTS") ? new FtpReply(200, List.of("200 SHA-512")) : reply;
        };
    }

    static Features feat(String... lines) {
        List<String> all = new ArrayList<>(List.of("211-Features:"));
        all.addAll(List.of(lines));
        all.add("211 End");
        return Features.parse(all);
    }

    @Test
    void hashDigestIsReadFromTheFinalLine() throws Exception {
        FtpReply reply = new FtpReply(213, List.of("213-Computing SHA-512 digest",
                "213 SHA-512 0-3000000 " + SHA512 + " dir/up file.bin"));
        Optional<RemoteChecksum> sum = new Checksums().checksum(answering(reply),
                feat(" HASH CRC32;MD5;SHA-1*;SHA-256;SHA-512;"), "dir/up file.bin");
        assertEquals(Optional.of(new RemoteChecksum("SHA-512", SHA512)), sum);
        assertEquals(List.of("OPTS HASH SHA-512", "HASH dir/up file.bin"), sent);
    }

    @Test
    void legacyDigestIsReadFromTheFinalLine() throws Exception {
        FtpReply reply = new FtpReply(250, List.of("250-Computing CRC32 digest", "250 F007732D"));
        assertEquals(Optional.of(new RemoteChecksum("CRC32", "f007732d")),
                new Checksums().checksum(answering(reply), feat(" XCRC"), "b.txt"));
    }
}
