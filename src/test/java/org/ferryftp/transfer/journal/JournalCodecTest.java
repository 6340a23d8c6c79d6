package org.ferryftp.transfer.journal;

import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file format, line by line: these strings are what users' journals contain, so they must not drift. */
class JournalCodecTest {

    final JournalCodec codec = new JournalCodec();

    static final List<String> EXAMPLES = List.of(
            "{\"t\":\"journal\",\"v\":1}",
            "{\"t\":\"add\",\"id\":7,\"parent\":3,\"directory\":false,\"direction\":\"DOWNLOAD\","
                    + "\"source\":{\"site\":\"mina\",\"path\":\"/pub/big.bin\"},"
                    + "\"target\":{\"site\":null,\"path\":\"/home/u/big.bin\"},"
                    + "\"priority\":\"NORMAL\",\"size\":8388608,\"state\":\"queued\",\"done\":0}",
            "{\"t\":\"state\",\"id\":7,\"state\":\"failed\",\"reason\":\"550 gone\",\"priority\":\"HIGH\",\"done\":1024}",
            "{\"t\":\"progress\",\"id\":7,\"done\":2097152}",
            "{\"t\":\"remove\",\"ids\":[1,2,5]}");

    /** A restored queue of 100,000 items from one site held 100,000 copies of its id (issue 18: RSS). */
    @Test
    void decodedItemsShareTheirSitesId() throws Exception {
        JournalRecord.Added first = (JournalRecord.Added) codec.decode(EXAMPLES.get(1));
        JournalRecord.Added second = (JournalRecord.Added) codec.decode(EXAMPLES.get(1).replace("\"id\":7", "\"id\":8"));
        assertEquals("mina", second.source().siteId());
        assertSame(first.source().siteId(), second.source().siteId());
    }

    @Test
    void eachRecordTypeHasAStableLine() throws Exception {
        List<JournalRecord> records = List.of(
                new JournalRecord.Header(1),
                new JournalRecord.Added(7, 3, false, TransferDirection.DOWNLOAD,
                        new JournalRecord.Place("mina", "/pub/big.bin"), new JournalRecord.Place(null, "/home/u/big.bin"),
                        Priority.NORMAL, 8_388_608, ItemState.QUEUED, 0),
                new JournalRecord.StateChanged(7, new ItemState.Failed("550 gone"), Priority.HIGH, 1024),
                new JournalRecord.Progress(7, 2_097_152),
                new JournalRecord.Removed(List.of(1L, 2L, 5L)));
        for (int i = 0; i < records.size(); i++) {
            assertEquals(EXAMPLES.get(i), codec.encode(records.get(i)));
            assertEquals(records.get(i), codec.decode(EXAMPLES.get(i)));
        }
    }

    @Test
    void damagedLinesAreRejectedWithAReason() {
        List<String> bad = List.of(
                "",
                "[]",
                "{\"t\":\"progress\",\"id\":7,\"done\":1}{\"t\":\"progress\",\"id\":7,\"done\":2}",
                "{\"t\":\"progress\",\"id\":7,\"done\":1.5}",
                "{\"t\":\"progress\",\"id\":7}",
                "{\"t\":\"progress\",\"id\":99999999999999999999999,\"done\":1}",
                "{\"t\":\"teleport\",\"id\":7}",
                "{\"t\":\"state\",\"id\":7,\"state\":\"exploded\",\"priority\":\"HIGH\",\"done\":0}",
                "{\"t\":\"state\",\"id\":7,\"state\":\"done\",\"priority\":\"URGENT\",\"done\":0}",
                "{\"t\":\"remove\",\"ids\":[1,\"2\"]}",
                "{\"t\":\"progress\",\"id\":7,\"do");
        for (String line : bad) {
            JournalCodec.BadRecordException e = assertThrows(JournalCodec.BadRecordException.class,
                    () -> codec.decode(line), line);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), line);
        }
    }
}
