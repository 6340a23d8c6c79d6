package org.ferryftp.transfer;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one queue item on a worker thread: hands the work to the downloader, uploader, server-to-server copier
 * or directory expander (each gets the {@link SiteConnections} and the run's {@link RunContext}), and turns
 * what happened into an {@link Outcome} the queue can act on.
 */
final class ItemRunner {

    private final SiteConnections connections;
    private volatile ConflictPolicy conflicts;
    private final RetryPolicy retry;
    private final SiteToSite siteToSite;
    private volatile QueueSettings settings;
    private final TempNames tempNames = new TempNames();
    private final TimeNotices times = new TimeNotices();
    private final NewDirectories newDirectories;

    ItemRunner(SiteConnections connections, ConflictPolicy conflicts, RetryPolicy retry, QueueSettings settings,
               SiteToSite siteToSite, NewDirectories newDirectories) {
        this.newDirectories = newDirectories;
        this.connections = connections;
        this.siteToSite = siteToSite;
        this.conflicts = conflicts;
        this.retry = retry;
        this.settings = settings;
    }

    /** New defaults for items that start from now on (running ones keep theirs). */
    void update(QueueSettings s, ConflictPolicy c) {
        this.settings = s;
        if (c != null) {
            this.conflicts = c;
        }
    }

    /** Runs {@code run}'s item once; what the run tells the queue goes through {@code run}. */
    Outcome run(RunContext run) {
        TransferItem item = run.item();
        // A choice the user made before queuing (an edited file's upload) is not asked again.
        ConflictPolicy conflicts = item.onConflict != null ? ConflictPolicy.fixed(item.onConflict) : this.conflicts;
        try {
            if (item.directory) {
                return new DirectoryExpander(connections, run).expand(item);
            }
            return switch (item.direction) {
                case DOWNLOAD -> new FileDownloader(connections, run, conflicts, settings.durableFiles())
                        .download(item);
                case UPLOAD -> new FileUploader(connections, run, conflicts, tempNames, times, newDirectories)
                        .upload(item);
                case SITE_TO_SITE -> new FxpCopier(connections, run, conflicts,
                        siteToSite.relayFor(item.source.site().id(), item.target.site().id(), settings.relay()),
                        siteToSite, tempNames, times).copy(item);
                case RELAY -> new FxpCopier(connections, run, conflicts, RelayPolicy.ALWAYS, siteToSite, tempNames,
                        times).copy(item);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Stopped();
        } catch (Exception e) {
            if (item.stopRequest != null) {
                return new Outcome.Stopped();
            }
            return new Outcome.Failed(message(e), retry.isRetryable(e));
        }
    }

    /**
     * A cancelled download leaves nothing behind; a paused one keeps its partial file for resuming. A partial
     * that another item is writing (the same target) is not this item's to delete, and is left alone.
     */
    void discardPartial(TransferItem item) {
        if (item.direction == TransferDirection.DOWNLOAD && !item.directory) {
            try {
                PartialDownload.discard(Path.of(item.target.path()));
            } catch (IOException ignored) {
                // Best effort: a leftover partial carries its origin, so it is only ever continued when it matches.
            }
        }
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
