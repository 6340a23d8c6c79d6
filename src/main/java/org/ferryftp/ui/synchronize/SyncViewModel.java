package org.ferryftp.ui.synchronize;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.transfer.sync.DirectedStep;
import org.ferryftp.transfer.sync.DirectedStep.Towards;
import org.ferryftp.transfer.sync.SyncDirection;
import org.ferryftp.transfer.sync.SyncPlan;
import org.ferryftp.transfer.sync.SyncPlanner;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.transfer.sync.SyncRun;
import org.ferryftp.transfer.sync.SyncStep;
import org.ferryftp.transfer.sync.TwoWayPlanner;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's Synchronize: plans, in the background, how the two panes' folders are made to agree, with the same
 * planners as {@code ferry mirror} ({@link SyncPlanner} one way, {@link TwoWayPlanner} both ways) and the directory
 * comparison's rules; rows stream into the preview while the trees are listed, and the checked rows go to the
 * transfer queue. It opens connections of its own (the panes' stay free for browsing) and closes them in
 * {@link #close}. Never touches controls.
 */
public final class SyncViewModel implements AutoCloseable {

    /** One pane's folder. */
    public record Folder(Source source, String path) {
        Location location() {
            return source.locationOf(path);
        }

        String describe() {
            return source.isLocal() ? path : source.label() + ": " + path;
        }
    }

    private final Folder left;
    private final Folder right;
    private final SyncRules rules;
    private final BrowserFactory browsers;
    private final UiExecutor executor;
    private final TransferSubmitter submitter;
    private final Messages msg;

    private final ObjectProperty<SyncDirection> direction = new SimpleObjectProperty<>(this, "direction",
            SyncDirection.TO_RIGHT);
    private final BooleanProperty deleteExtra = new SimpleBooleanProperty(this, "deleteExtra");
    private final BooleanProperty newerOnly = new SimpleBooleanProperty(this, "newerOnly");
    private final BooleanProperty checksum = new SimpleBooleanProperty(this, "checksum");
    private final StringProperty include = new SimpleStringProperty(this, "include", "");
    private final StringProperty exclude = new SimpleStringProperty(this, "exclude", "");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper(this, "planning");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<SyncRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SyncRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);

    /** The plan running now, or null; cancelling sets its flag. */
    private AtomicBoolean running;
    private int generation;
    private volatile FileBrowser leftBrowser;
    private volatile FileBrowser rightBrowser;

    /**
     * @param rules the comparison's tolerance, and the right side's time offset relative to the left
     */
    public SyncViewModel(Folder left, Folder right, SyncRules rules, BrowserFactory browsers, UiExecutor executor,
                         TransferSubmitter submitter, Messages msg) {
        this.left = left;
        this.right = right;
        this.rules = rules;
        this.browsers = browsers;
        this.executor = executor;
        this.submitter = submitter;
        this.msg = msg;
        rows.addListener((javafx.collections.ListChangeListener<SyncRow>) this::count);
    }

    public String leftFolder() {
        return left.describe();
    }

    public String rightFolder() {
        return right.describe();
    }

    public ObjectProperty<SyncDirection> directionProperty() {
        return direction;
    }

    /** Delete what exists only at the target (one way only; off by default). */
    public BooleanProperty deleteExtraProperty() {
        return deleteExtra;
    }

    /** Never overwrite a newer target (one way only). */
    public BooleanProperty newerOnlyProperty() {
        return newerOnly;
    }

    /** Compare files of the same size by checksum where both sides offer one. */
    public BooleanProperty checksumProperty() {
        return checksum;
    }

    /** Globs, separated by spaces or commas, of the files to consider (all when empty). */
    public StringProperty includeProperty() {
        return include;
    }

    /** Globs, separated by spaces or commas, of what to leave alone on both sides. */
    public StringProperty excludeProperty() {
        return exclude;
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    /** A whole plan is in the preview (not planning, not cancelled, not failed): it can be carried out. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** What planning is doing ("Listing docs/img… 12 folders"), or how it ended. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "3 to copy, 1 to update, 2 to delete, 1 conflict · 5 checked". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The preview, in plan order; read-only (each row's checkbox and conflict side are its own properties). */
    public ObservableList<SyncRow> rows() {
        return readOnlyRows;
    }

    /** The rules a plan uses now, for the side it changes. */
    SyncRules rulesNow() {
        SyncRules r = rules.withFilters(globs(include.get()), globs(exclude.get()));
        return switch (direction.get()) {
            case TO_RIGHT -> r.withDelete(deleteExtra.get()).withNewerOnly(newerOnly.get()).withChecksum(checksum.get());
            case TO_LEFT -> r.withDelete(deleteExtra.get()).withNewerOnly(newerOnly.get()).withChecksum(checksum.get())
                    .withTargetOffset(rules.targetOffset().negated());
            case BOTH -> r.withDelete(false).withNewerOnly(false).withChecksum(checksum.get());
        };
    }

    static List<String> globs(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Plans again with the options as they are now; a plan still running is cancelled. */
    public void plan() {
        cancel();
        int gen = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        running = cancelled;
        rows.clear();
        ready.set(false);
        planning.set(true);
        progress.set(msg.get("synchronize.listing.start"));
        SyncDirection way = direction.get();
        SyncRules now = rulesNow();
        Streamer streamer = new Streamer(gen, cancelled);
        executor.execute(() -> {
            plan(way, now, streamer);
            return streamer.note;
        }, note -> {
            if (gen == generation) {
                planning.set(false);
                ready.set(true);
                running = null;
                progress.set(msg.get("synchronize.planned") + (note == null ? "" : " " + note + "."));
            }
        }, failed -> {
            if (gen == generation) {
                planning.set(false);
                running = null;
                progress.set(failed instanceof CancellationException ? msg.get("synchronize.cancelled")
                        : msg.format("synchronize.failed", oneLine(failed)));
            }
        });
    }

    /** Stops the plan being made; the rows listed so far stay in view, but cannot be carried out. */
    public void cancel() {
        if (running != null) {
            running.set(true);
        }
    }

    public void selectAll() {
        rows.stream().filter(r -> r.doesSomething() && !r.conflict()).forEach(r -> r.setChecked(true));
    }

    public void clearAll() {
        rows.forEach(r -> r.setChecked(false));
    }

    /**
     * Carries out the checked rows as {@code ferry mirror} does ({@link SyncRun}): in the background, missing
     * directories are made and what is in the way of a replacement is deleted; the copies go to the transfer queue,
     * told to overwrite (the plan has decided); once the queue has finished them all, and only if every one
     * succeeded, the checked deletions are done and the changed folders get their source's times. The run keeps the
     * connections the plan used until then (closing the dialog does not stop it). Returns false (and says why) when
     * there is no whole plan.
     */
    public boolean synchronize() {
        if (!ready.get()) {
            return false;
        }
        List<SyncRow> chosen = rows.stream().filter(SyncRow::chosen).toList();
        if (chosen.isEmpty()) {
            progress.set(msg.get("synchronize.nothingChecked"));
            return false;
        }
        ready.set(false);
        progress.set(msg.get("synchronize.preparing"));
        List<SyncStep> toRight = new ArrayList<>();
        List<SyncStep> toLeft = new ArrayList<>();
        for (SyncRow r : chosen) {
            (r.towards() == Towards.RIGHT ? toRight : toLeft).add(r.effectiveStep());
        }
        executor.execute(() -> {
            openBrowsers();
            Run run = takeBrowsers(toRight, toLeft);
            try {
                return new Prepared(run, run.sync().prepare());
            } catch (IOException | RuntimeException e) {
                run.close();
                throw e;
            }
        }, prepared -> {
            long deletions = prepared.run().deletions();
            progress.set(msg.format("synchronize.queued", prepared.copies().size(), deletions));
            if (prepared.copies().isEmpty()) {
                finish(prepared.run(), 0);
            } else {
                submitter.submitAndAwait(prepared.copies()).whenComplete((finished, unknown) ->
                        finish(prepared.run(), unknown != null ? -1 : SyncRun.failed(finished)));
            }
        }, failed -> {
            ready.set(true);
            progress.set(msg.format("synchronize.failed", oneLine(failed)));
        });
        return true;
    }

    /** A synchronization under way: its plans, and the two connections it holds until it has finished. */
    private record Run(SyncRun sync, long deletions, FileBrowser left, FileBrowser right) {
        void close() throws IOException {
            left.close();
            right.close();
        }
    }

    private record Prepared(Run run, List<TransferRequest> copies) {
    }

    /** The plan's connections become the run's; a later preview opens new ones. */
    private synchronized Run takeBrowsers(List<SyncStep> toRight, List<SyncStep> toLeft) {
        FileBrowser l = leftBrowser;
        FileBrowser r = rightBrowser;
        leftBrowser = null;
        rightBrowser = null;
        List<SyncRun.Leg> legs = new ArrayList<>();
        if (!toRight.isEmpty()) {
            legs.add(SyncRun.Leg.of(new SyncPlan(left.location(), right.location(), toRight), l, left.path(), r,
                    right.path()));
        }
        if (!toLeft.isEmpty()) {
            legs.add(SyncRun.Leg.of(new SyncPlan(right.location(), left.location(), toLeft), r, right.path(), l,
                    left.path()));
        }
        long deletions = legs.stream().mapToLong(g -> g.plan().of(SyncStep.Action.DELETE).size()).sum();
        return new Run(new SyncRun(legs), deletions, l, r);
    }

    /** After the queue: deletions and folder times when every copy succeeded ({@code failed} -1: not known). */
    private void finish(Run run, long failed) {
        executor.execute(() -> {
            try {
                return failed < 0 ? null : run.sync().finish(failed);
            } finally {
                run.close();
            }
        }, result -> progress.set(result == null ? msg.get("synchronize.outcomeUnknown")
                : result.heldBack() ? msg.format("synchronize.heldBack", result.failedCopies())
                : msg.format("synchronize.done", result.deleted())
                + (result.timesUnset() > 0 ? " " + msg.get("synchronize.timesRefused") : "")),
                error -> progress.set(msg.format("synchronize.failed", oneLine(error))));
    }

    /** Off the UI thread. */
    private void plan(SyncDirection way, SyncRules now, Streamer sink) throws IOException {
        openBrowsers();
        switch (way) {
            case TO_RIGHT -> new SyncPlanner(now).plan(leftBrowser, left.path(), rightBrowser, right.path(),
                    sink.oneWay(Towards.RIGHT));
            case TO_LEFT -> new SyncPlanner(now).plan(rightBrowser, right.path(), leftBrowser, left.path(),
                    sink.oneWay(Towards.LEFT));
            case BOTH -> new TwoWayPlanner(now).plan(leftBrowser, left.path(), rightBrowser, right.path(), sink);
        }
        sink.flush();
    }

    private synchronized void openBrowsers() throws IOException {
        if (leftBrowser == null) {
            leftBrowser = browsers.open(left.source());
        }
        if (rightBrowser == null) {
            rightBrowser = browsers.open(right.source());
        }
    }

    /** Hands the steps to the preview a directory at a time, and stops the planner when cancelled. */
    private final class Streamer implements TwoWayPlanner.Sink {
        private final int gen;
        private final AtomicBoolean cancelled;
        private List<SyncRow> batch = new ArrayList<>();
        private int folders;
        /** Entries listed so far, on both sides together. */
        private long entries;
        /** What the planner said of the whole plan, or null. */
        private volatile String note;

        Streamer(int gen, AtomicBoolean cancelled) {
            this.gen = gen;
            this.cancelled = cancelled;
        }

        SyncPlanner.Sink oneWay(Towards towards) {
            return new SyncPlanner.Sink() {
                @Override
                public void step(SyncStep step) {
                    Streamer.this.step(new DirectedStep(step, towards));
                }

                @Override
                public void listing(String relativeDir) {
                    Streamer.this.listing(relativeDir);
                }

                @Override
                public void listed(String relativeDir, int sourceEntries, int targetEntries) {
                    Streamer.this.listed(relativeDir, sourceEntries, targetEntries);
                }

                @Override
                public void note(String line) {
                    Streamer.this.note(line);
                }
            };
        }

        @Override
        public void listed(String relativeDir, int leftEntries, int rightEntries) {
            entries += leftEntries + rightEntries;
        }

        @Override
        public void note(String line) {
            note = Character.toUpperCase(line.charAt(0)) + line.substring(1);
        }

        @Override
        public void step(DirectedStep step) {
            checkCancelled();
            batch.add(new SyncRow(step, choiceChanged));
        }

        @Override
        public void listing(String relativeDir) {
            checkCancelled();
            folders++;
            flush();
            String text = msg.format("synchronize.listing", relativeDir.isEmpty() ? "/" : relativeDir, folders,
                    entries);
            executor.onUiThread(() -> {
                if (gen == generation && planning.get()) {
                    progress.set(text);
                }
            });
        }

        void flush() {
            List<SyncRow> out = batch;
            batch = new ArrayList<>();
            if (!out.isEmpty()) {
                executor.onUiThread(() -> {
                    if (gen == generation) {
                        rows.addAll(out);
                    }
                });
            }
        }

        private void checkCancelled() {
            if (cancelled.get()) {
                throw new CancellationException("cancelled");
            }
        }
    }

    /** Counts kept as rows come and go and boxes change: a summary of 100,000 rows is not recounted per click. */
    private final Map<SyncStep.Action, Integer> counts = new EnumMap<>(SyncStep.Action.class);
    private final java.util.function.Consumer<SyncRow> choiceChanged = this::rechoose;
    private int conflicts;
    private int checked;

    private void count(javafx.collections.ListChangeListener.Change<? extends SyncRow> c) {
        while (c.next()) {
            for (SyncRow r : c.getRemoved()) {
                tally(r, -1);
            }
            for (SyncRow r : c.getAddedSubList()) {
                tally(r, 1);
            }
        }
        summarize();
    }

    /** A row's box or side changed: the one callback every row is given. */
    private void rechoose(SyncRow r) {
        boolean now = r.chosen();
        if (now != r.counted) {
            r.counted = now;
            checked += now ? 1 : -1;
            summarize();
        }
    }

    private void tally(SyncRow r, int sign) {
        if (r.conflict()) {
            conflicts += sign;
        } else {
            counts.merge(r.step().action(), sign, Integer::sum);
        }
        if (sign > 0) {
            r.counted = r.chosen();
        }
        if (r.counted) {
            checked += sign;
        }
    }

    private void summarize() {
        summary.set(msg.format("synchronize.summary", n(SyncStep.Action.COPY) + n(SyncStep.Action.MKDIR),
                n(SyncStep.Action.UPDATE) + n(SyncStep.Action.REPLACE), n(SyncStep.Action.DELETE), conflicts, checked));
    }

    private int n(SyncStep.Action a) {
        return counts.getOrDefault(a, 0);
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Closes the connections it opened, in the background. */
    @Override
    public void close() {
        cancel();
        FileBrowser l = leftBrowser;
        FileBrowser r = rightBrowser;
        leftBrowser = null;
        rightBrowser = null;
        executor.execute(() -> {
            if (l != null) {
                l.close();
            }
            if (r != null) {
                r.close();
            }
            return null;
        }, x -> { }, x -> { });
    }
}
