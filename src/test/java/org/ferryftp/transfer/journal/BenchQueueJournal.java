package org.ferryftp.transfer.journal;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.QuickSites;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * For {@code .ci/bench.sh rss}: writes a queue journal of {@code count} paused downloads (one file each, from a
 * quick-connect site, which a restart resolves without a saved site) into a config directory, with the journal's
 * own codec and file replacement, as a compaction would leave it.
 * Arguments: config-dir count host port remote-dir local-dir.
 */
public final class BenchQueueJournal {

    private BenchQueueJournal() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String siteId = QuickSites.ref(SessionSettings.of(args[2], Integer.parseInt(args[3]),
                Credentials.of("ferry", null))).id();
        write(config, siteId, count, args[4], args[5]);
        System.out.println(count + " paused items in " + config.resolve("queue.jsonl"));
    }

    /** Writes the journal of {@code count} paused downloads of 4 KiB from {@code remoteDir} on the site into {@code localDir}. */
    static void write(Path config, String siteId, int count, String remoteDir, String localDir) throws IOException {
        JournalCodec codec = new JournalCodec();
        List<String> lines = new ArrayList<>(count + 1);
        lines.add(codec.encode(new JournalRecord.Header(JournalCodec.VERSION)));
        for (int i = 1; i <= count; i++) {
            String name = String.format("f%06d.bin", i);
            lines.add(codec.encode(new JournalRecord.Added(i, 0, false, TransferDirection.DOWNLOAD,
                    new JournalRecord.Place(siteId, remoteDir + "/" + name), new JournalRecord.Place(null, localDir + "/" + name),
                    Priority.NORMAL, 4096, ItemState.PAUSED, 0)));
        }
        new JournalFiles(config, Clock.systemUTC()).replace(lines);
    }
}
