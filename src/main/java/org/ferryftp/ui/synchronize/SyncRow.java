package org.ferryftp.ui.synchronize;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ferryftp.transfer.sync.DirectedStep;
import org.ferryftp.transfer.sync.DirectedStep.Towards;
import org.ferryftp.transfer.sync.SyncStep;

/**
 * One row of the Synchronize preview: a planned step, whether it is carried out (its checkbox), and, for a conflict,
 * which way the user chose ({@link Towards#EITHER} until they do; such a row is not carried out).
 */
public final class SyncRow {

    private final DirectedStep planned;
    private final BooleanProperty checked;
    private final ObjectProperty<Towards> towards;
    /** Whether the view model's count of chosen rows holds this one. */
    boolean counted;

    SyncRow(DirectedStep planned) {
        this.planned = planned;
        this.checked = new SimpleBooleanProperty(this, "checked", doesSomething() && !planned.conflict());
        this.towards = new SimpleObjectProperty<>(this, "towards", planned.towards());
        // Choosing a side for a conflict is choosing to carry it out; taking the choice back undoes that.
        towards.addListener((o, was, now) -> checked.set(now != Towards.EITHER));
    }

    public SyncStep step() {
        return planned.step();
    }

    public DirectedStep planned() {
        return planned;
    }

    public boolean conflict() {
        return planned.conflict();
    }

    /** A skipped file has nothing to carry out: its box stays clear. */
    public boolean doesSomething() {
        return planned.step().action() != SyncStep.Action.SKIP;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    /** The side it changes; a conflict's is set by the user. */
    public ObjectProperty<Towards> towardsProperty() {
        return towards;
    }

    /** Checked, and (for a conflict) a side chosen: it is carried out. */
    boolean chosen() {
        return checked.get() && doesSomething() && towards.get() != Towards.EITHER;
    }

    /**
     * The step as carried out in the chosen direction: a conflict's replacement copies the chosen side's kind (the
     * planner states the left's), and a copy that has no listing entry lets the transfer ask for size and time.
     */
    SyncStep effectiveStep() {
        SyncStep s = planned.step();
        if (conflict() && s.action() == SyncStep.Action.REPLACE && towards.get() == Towards.LEFT) {
            return new SyncStep(s.action(), s.path(), !s.directory(), s.reason());
        }
        return s;
    }

    /** The size of what is copied, or -1 when the plan has no listing entry for it (a directory, a conflict). */
    public long size() {
        SyncStep s = planned.step();
        return s.source() == null || s.directory() ? -1 : s.source().size();
    }
}
