package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sweep's judge: the two allowed endings pass, and each way of breaking them is named. */
class CutPointVerdictTest {

    static final byte[] CONTENT = QueueFixture.random(10_000, 5);
    static final ItemState DONE = new ItemState.Done();
    static final ItemState FAILED = new ItemState.Failed("connection lost");

    @TempDir
    Path dir;

    List<String> verdict(ItemState state) throws Exception {
        return CutPointVerdict.violations(state, dir, "data.bin", CONTENT);
    }

    void put(String name, byte[] bytes) throws Exception {
        Files.write(dir.resolve(name), bytes);
    }

    @Test
    void doneAndIdenticalOrFailedWithAtMostThePartialAreAllowed() throws Exception {
        assertEquals(List.of(), verdict(FAILED));
        put("data.bin.ferry-part", Arrays.copyOf(CONTENT, 300));
        assertEquals(List.of(), verdict(FAILED));
        Files.delete(dir.resolve("data.bin.ferry-part"));
        put("data.bin", CONTENT);
        assertEquals(List.of(), verdict(DONE));
        assertEquals(List.of(), verdict(FAILED), "failed, yet the file is right: nothing is lost");
    }

    @Test
    void aTruncatedOrSplicedFileUnderTheFinalNameIsAViolation() throws Exception {
        put("data.bin", Arrays.copyOf(CONTENT, 4000));
        assertEquals(List.of("DONE_NOT_IDENTICAL: data.bin has 4000 of 10000 bytes"), verdict(DONE));
        assertEquals(List.of("FAILED_WITH_WRONG_FILE_UNDER_FINAL_NAME: data.bin has 4000 of 10000 bytes"),
                verdict(FAILED));
        byte[] spliced = CONTENT.clone();
        spliced[9000] ^= 1;
        put("data.bin", spliced);
        assertEquals(List.of("DONE_NOT_IDENTICAL: data.bin has same size, different bytes"), verdict(DONE));
    }

    @Test
    void skippingItsOwnAttemptLeftoversAndAMissingFileAreViolations() throws Exception {
        assertEquals(List.of("DONE_BUT_MISSING: nothing under data.bin"), verdict(DONE));
        put("data.bin", Arrays.copyOf(CONTENT, 10));
        assertEquals(List.of("SKIPPED_OWN_ATTEMPT (target exists), leaving data.bin with 10 of 10000 bytes"),
                verdict(new ItemState.Skipped("target exists")));
        put("data.bin", CONTENT);
        put("data.bin.ferry-part", CONTENT);
        put(".in.data.bin", CONTENT);
        assertEquals(List.of("STRAY_FILES: [.in.data.bin]", "PARTIAL_LEFT_AFTER_SUCCESS: data.bin.ferry-part"),
                verdict(DONE));
        assertEquals(List.of("STRAY_FILES: [.in.data.bin]", "UNEXPECTED_STATE: Cancelled[]"),
                verdict(new ItemState.Cancelled()));
    }
}
