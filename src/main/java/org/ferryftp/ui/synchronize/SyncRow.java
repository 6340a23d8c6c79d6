package org.ferryftp.ui.synchronize;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ferryftp.transfer.sync.DirectedStep;
import org.ferryftp.transfer.sync.DirectedStep.Towards;
import org.ferryftp.transfer.sync.SyncStep;

import java.util.function.Consumer;

/**
 * One row of the Synchronize preview: a planned step, whether it is carried out (its checkbox), and, for a conflict,
 * which way the user chose ({@link Towards#EITHER} until they do; such a row is not carried out).
 *
 * <p>A preview of 100,000 rows keeps each one small: the choice is two plain fields, and the observable properties
 * a table cell binds to are made only for the rows a cell shows. Whoever counts the choices hears of every change
 * through the one callback given to all rows, not through listeners of each row's own.
 */
public final class SyncRow {

    private final SyncStep step;
    private final Towards plannedTowards;
    private final Consumer<SyncRow> choiceChanged;
    private boolean checked;
    private Towards towards;
    private BooleanProperty checkedProperty;
    private ObjectProperty<Towards> towardsProperty;
    /** Whether the view model's count of chosen rows holds this one. */
    boolean counted;

    /** @param choiceChanged told, on the thread that made the change, whenever the box or the side changes */
    SyncRow(DirectedStep planned, Consumer<SyncRow> choiceChanged) {
        this.step = planned.step();
        this.plannedTowards = planned.towards();
        this.choiceChanged = choiceChanged;
        this.towards = plannedTowards;
        this.checked = doesSomething() && !planned.conflict();
    }

    public SyncStep step() {
        return step;
    }

    public DirectedStep planned() {
        return new DirectedStep(step, plannedTowards);
    }

    public boolean conflict() {
        return plannedTowards == Towards.EITHER;
    }

    /** A skipped file has nothing to carry out: its box stays clear. */
    public boolean doesSomething() {
        return step.action() != SyncStep.Action.SKIP;
    }

    public boolean checked() {
        return checked;
    }

    /** The side it changes now; a conflict's is set by the user. */
    public Towards towards() {
        return towards;
    }

    public void setChecked(boolean value) {
        if (checkedProperty != null) {
            checkedProperty.set(value); // its listener keeps the field and tells
        } else if (checked != value) {
            checked = value;
            choiceChanged.accept(this);
        }
    }

    public void setTowards(Towards value) {
        if (towardsProperty != null) {
            towardsProperty.set(value);
        } else if (towards != value) {
            towards = value;
            chose();
        }
    }

    public BooleanProperty checkedProperty() {
        if (checkedProperty == null) {
            checkedProperty = new SimpleBooleanProperty(this, "checked", checked);
            checkedProperty.addListener((o, was, now) -> {
                checked = now;
                choiceChanged.accept(this);
            });
        }
        return checkedProperty;
    }

    /** The side it changes, as a cell binds it. */
    public ObjectProperty<Towards> towardsProperty() {
        if (towardsProperty == null) {
            towardsProperty = new SimpleObjectProperty<>(this, "towards", towards);
            towardsProperty.addListener((o, was, now) -> {
                towards = now;
                chose();
            });
        }
        return towardsProperty;
    }

    /** Choosing a side for a conflict is choosing to carry it out; taking the choice back undoes that. */
    private void chose() {
        boolean carry = towards != Towards.EITHER;
        if (carry != checked) {
            setChecked(carry);
        } else {
            choiceChanged.accept(this);
        }
    }

    /** Checked, and (for a conflict) a side chosen: it is carried out. */
    boolean chosen() {
        return checked && doesSomething() && towards != Towards.EITHER;
    }

    /**
     * The step as carried out in the chosen direction: a conflict's replacement copies the chosen side's kind (the
     * planner states the left's), and a copy that has no listing entry lets the transfer ask for size and time.
     */
    SyncStep effectiveStep() {
        if (conflict() && step.action() == SyncStep.Action.REPLACE && towards == Towards.LEFT) {
            return new SyncStep(step.action(), step.path(), !step.directory(), step.reason());
        }
        return step;
    }

    /** The size of what is copied, or -1 when the plan has no listing entry for it (a directory, a conflict). */
    public long size() {
        return step.source() == null || step.directory() ? -1 : step.source().size();
    }
}
