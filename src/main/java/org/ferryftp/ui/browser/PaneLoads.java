package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.ui.browser.Listing.RowFilter;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A pane's background work, where the latest request wins: opening a source, listing a directory.
 * A newer request or {@link #cancel()} drops the results of older ones and stops their listings at
 * the next batch. Called and answered on the UI thread.
 */
final class PaneLoads {

    /** A source opened on its own connection, with its first directory. */
    record Opened(FileBrowser browser, Listing listing) {
    }

    /** What a listing hands back: the rows so far, the whole listing, or the failure. */
    record Callbacks(Consumer<Listing> part, Consumer<Listing> done, Consumer<Throwable> failed) {
    }

    private final UiExecutor executor;
    private final BrowserFactory factory;
    private final DirectoryLoader loader;
    /** Changed on the UI thread only; read by listings in the background to stop when no longer wanted. */
    private volatile int generation;

    PaneLoads(UiExecutor executor, BrowserFactory factory, DirectoryLoader loader) {
        this.executor = executor;
        this.factory = factory;
        this.loader = loader;
    }

    /** Drops whatever is running. */
    void cancel() {
        generation++;
    }

    /** Opens {@code source} and lists {@code startDir} (its home when null or blank). */
    void open(Source source, String startDir, Comparator<? super FileRow> order, RowFilter filter,
              Consumer<Listing> part, Consumer<Opened> done, Consumer<Throwable> failed) {
        int gen = ++generation;
        BooleanSupplier wanted = () -> gen == generation;
        executor.execute(() -> {
            FileBrowser b = factory.open(source);
            try {
                synchronized (b) {
                    String home = startDir != null && !startDir.isBlank() ? startDir : b.home();
                    return new Opened(b, loader.list(b, home, order, filter, wanted, part));
                }
            } catch (Exception | Error e) {
                b.close();
                throw e;
            }
        }, opened -> {
            if (wanted.getAsBoolean()) {
                done.accept(opened);
            } else {
                closeLater(opened.browser());
            }
        }, failure -> {
            if (wanted.getAsBoolean()) {
                failed.accept(failure);
            }
        });
    }

    /** Lists {@code dir} on {@code b} for display. */
    void list(FileBrowser b, String dir, Comparator<? super FileRow> order, RowFilter filter, Callbacks callbacks) {
        int gen = ++generation;
        BooleanSupplier wanted = () -> gen == generation;
        run(b, dir, order, filter, wanted, callbacks);
    }

    /** Lists {@code dir} on {@code b} on the side (for the folder tree); navigation does not stop it. */
    void listAside(FileBrowser b, String dir, Comparator<? super FileRow> order, RowFilter filter,
                   Consumer<Listing> done, Consumer<Throwable> failed) {
        run(b, dir, order, filter, () -> true, new Callbacks(part -> { }, done, failed));
    }

    private void run(FileBrowser b, String dir, Comparator<? super FileRow> order, RowFilter filter,
                     BooleanSupplier wanted, Callbacks callbacks) {
        executor.execute(() -> {
            synchronized (b) {
                return loader.list(b, dir, order, filter, wanted, callbacks.part());
            }
        }, l -> {
            if (wanted.getAsBoolean()) {
                callbacks.done().accept(l);
            }
        }, failure -> {
            if (wanted.getAsBoolean()) {
                callbacks.failed().accept(failure);
            }
        });
    }

    /** Closes {@code b} in the background, after whatever runs on it. */
    void closeLater(FileBrowser b) {
        executor.execute(() -> {
            synchronized (b) {
                b.close();
            }
            return null;
        }, x -> { }, x -> { });
    }
}
