package org.ferryftp.transfer.journal;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Run in its own JVM by {@link JournalCrashTest}, which kills it with SIGKILL: downloads the given
 * files one at a time under a bandwidth limit with a journal, and reports progress on stdout.
 *
 * <p>Arguments: port, local directory, journal directory, bytes per second, remote paths...
 */
public final class JournalCrashChild {

    private JournalCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path local = Path.of(args[1]);
        Path journalDir = Path.of(args[2]);
        long limit = Long.parseLong(args[3]);
        SiteRef site = MinaQueues.site(port);
        TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT.withConcurrency(1));
        queue.setBandwidthLimit(limit);
        QueueJournal journal = QueueJournal.attach(queue, journalDir, MinaQueues.resolver(port));
        if (journal.problem().isPresent()) {
            System.out.println("PROBLEM " + journal.problem().get());
        }
        queue.addListener(new QueueListener() {
            @Override
            public void itemsAdded(List<ItemSnapshot> items) {
            }

            @Override
            public void itemChanged(ItemSnapshot item) {
                System.out.println("PROGRESS " + item.source().path() + " " + item.bytesDone());
                System.out.flush();
            }

            @Override
            public void itemsRemoved(List<Long> ids) {
            }
        });
        for (int i = 4; i < args.length; i++) {
            MinaQueues.download(queue, site, args[i], local);
        }
        // Runs until killed; the test never lets it finish.
        new CountDownLatch(1).await();
    }
}
