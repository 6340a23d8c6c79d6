package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.OwnTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The items a journal describes, rebuilt by applying its records in order. The same model serves
 * loading (replaying the file) and writing (it is what compaction writes out), so the two cannot
 * disagree about what is live. Not thread-safe: the journal's writer thread owns it.
 */
final class LiveItems {

    /**
     * Each live item as last recorded: its {@link JournalRecord.Added} with the later records applied, or, once the
     * queue has announced the item in exactly that state, the queue's {@link ItemSnapshot} itself (see
     * {@link #track}). The window's rows hold those snapshots anyway, so 100,000 waiting items are not held a
     * second time as records (issue 18). Read through {@link #added}.
     */
    private final Map<Long, Object> items = new LinkedHashMap<>();
    /** What live items wrote on their targets; kept apart from {@code items} so the two records stay independent. */
    private final Map<Long, OwnTarget> ownTargets = new HashMap<>();

    void apply(JournalRecord r) {
        if (r instanceof JournalRecord.Added a) {
            items.put(a.id(), a);
        } else if (r instanceof JournalRecord.StateChanged s) {
            // A change for an item not (or no longer) known is dropped: removals are final.
            items.computeIfPresent(s.id(), (id, known) -> added(known).with(s.state(), s.bytesDone())
                    .withPriority(s.priority()));
        } else if (r instanceof JournalRecord.Progress p) {
            items.computeIfPresent(p.id(), (id, known) -> added(known).with(added(known).state(), p.bytesDone()));
        } else if (r instanceof JournalRecord.Wrote w) {
            if (items.containsKey(w.id())) {
                ownTargets.put(w.id(), w.own());
            }
        } else if (r instanceof JournalRecord.Removed rm) {
            rm.ids().forEach(items::remove);
            rm.ids().forEach(ownTargets::remove);
        }
    }

    Optional<JournalRecord.Added> get(long id) {
        return Optional.ofNullable(items.get(id)).map(LiveItems::added);
    }

    /**
     * Keeps {@code announced} in place of what is recorded of its item when the two say the same, so that the
     * journal shares the queue's snapshot instead of holding a copy; anything else (an unknown item, a snapshot
     * with changes not recorded, such as throttled progress) leaves the record as it is.
     */
    void track(ItemSnapshot announced) {
        items.computeIfPresent(announced.id(), (id, known) -> known == announced
                || added(known).equals(JournalRecord.Added.of(announced)) ? announced : known);
    }

    private static JournalRecord.Added added(Object known) {
        return known instanceof ItemSnapshot s ? JournalRecord.Added.of(s) : (JournalRecord.Added) known;
    }

    Optional<OwnTarget> ownTarget(long id) {
        return Optional.ofNullable(ownTargets.get(id));
    }

    int size() {
        return items.size();
    }

    /**
     * Records that rebuild exactly this state, in the original order, made one at a time as they are written:
     * a compaction of 100,000 items must not hold a second copy of them all (issue 18).
     */
    Stream<JournalRecord> compacted() {
        Stream<JournalRecord> items = this.items.values().stream().map(LiveItems::added).flatMap(a -> {
            OwnTarget own = ownTargets.get(a.id());
            return own == null ? Stream.of(a) : Stream.of(a, new JournalRecord.Wrote(a.id(), own));
        });
        return Stream.concat(Stream.of(new JournalRecord.Header(JournalCodec.VERSION)), items);
    }

    /**
     * The items as snapshots for {@code TransferQueue.restore}. Sites are looked up by id; an unfinished
     * item whose site is gone comes back failed, pointing at a stand-in site that cannot connect.
     */
    List<ItemSnapshot> snapshots(SiteResolver sites) {
        Map<String, Optional<SiteRef>> resolved = new LinkedHashMap<>();
        List<ItemSnapshot> out = new ArrayList<>(items.size());
        for (Object known : items.values()) {
            JournalRecord.Added a = added(known);
            List<String> missing = new ArrayList<>();
            Location source = location(a.source(), sites, resolved, missing);
            Location target = location(a.target(), sites, resolved, missing);
            // A finished item is history and keeps its outcome; only work still to do fails for want of its site.
            ItemState state = missing.isEmpty() || a.state().isFinished() ? a.state()
                    : new ItemState.Failed("site " + missing.get(0) + " is no longer defined");
            out.add(new ItemSnapshot(a.id(), a.parentId(), a.directory(), a.direction(), source, target, a.priority(),
                    state, a.size(), a.bytesDone(), 0, null, 0, ownTargets.get(a.id())));
        }
        return out;
    }

    private static Location location(JournalRecord.Place p, SiteResolver sites, Map<String, Optional<SiteRef>> cache,
                                     List<String> missing) {
        if (p.siteId() == null) {
            return Location.local(p.path());
        }
        Optional<SiteRef> site = cache.computeIfAbsent(p.siteId(),
                id -> Objects.requireNonNullElse(sites.resolve(id), Optional.empty()));
        if (site.isEmpty()) {
            missing.add(p.siteId());
            return Location.remote(standIn(p.siteId()), p.path());
        }
        return Location.remote(site.get(), p.path());
    }

    /** Keeps the id (so the journal keeps it too) but no way to reach anything. */
    private static SiteRef standIn(String siteId) {
        return new SiteRef(siteId, siteId + " (deleted)", SessionSettings.of("site-no-longer-defined.invalid", 21, Credentials.anonymous()), 1);
    }
}
