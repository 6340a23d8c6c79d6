package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in its own JVM by {@link JournalKillTest}, which kills it with SIGKILL: restores the queue from the
 * journal, or when there is none downloads a directory tree, and reports on stdout what the test waits
 * for and what it checks: {@code READY} once restored, {@code ADDED n} for each expansion,
 * {@code FINISHED path} for each file, {@code DUPLICATE target}, {@code PROBLEM message}, {@code IDLE}.
 *
 * <p>Given a number h > 0, the worker that announces the h-th expansion stops right there, after the
 * journal was handed the children and before it hears that the directory is done, and the child says
 * {@code HOLDING target-of-the-last-child}: the test then kills it inside that window on purpose.
 *
 * <p>Arguments: port, local directory, journal directory, remote directory, h.
 */
public final class JournalKillChild {

    private JournalKillChild() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path local = Path.of(args[1]);
        Path journalDir = Path.of(args[2]);
        SiteRef site = MinaQueues.site(port, JournalKillTest.CONNECTIONS);
        PrintStream out = System.out;
        TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT.withConcurrency(JournalKillTest.CONNECTIONS));
        queue.addListener(new TargetWatch(t -> say(out, "DUPLICATE " + t),
                s -> say(out, "FINISHED " + s.target().path())));
        QueueJournal journal = QueueJournal.attach(queue, journalDir,
                MinaQueues.resolver(port, JournalKillTest.CONNECTIONS));
        journal.problem().ifPresent(p -> say(out, "PROBLEM " + p));
        boolean fresh = queue.snapshot().isEmpty();
        int hold = Integer.parseInt(args[4]);
        AtomicInteger expansions = new AtomicInteger();
        queue.addListener(new org.ferryftp.transfer.QueueListener() {
            @Override
            public void itemsAdded(List<org.ferryftp.transfer.ItemSnapshot> items) {
                say(out, "ADDED " + items.size());
                if (expansions.incrementAndGet() == hold) {
                    say(out, "HOLDING " + items.get(items.size() - 1).target().path());
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void itemChanged(org.ferryftp.transfer.ItemSnapshot item) {
            }

            @Override
            public void itemsRemoved(List<Long> ids) {
            }
        });
        say(out, "READY");
        if (fresh) {
            queue.submit(List.of(new TransferRequest(Location.remote(site, args[3]), true,
                    Location.local(local.toString()), Priority.NORMAL)));
        }
        if (queue.awaitIdle(Duration.ofMinutes(5))) {
            say(out, "IDLE");
        }
        // Runs until killed.
        new CountDownLatch(1).await();
    }

    private static void say(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
