package org.ferryftp.ui.prefs;

import org.ferryftp.ftp.TypeOverride;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.ferryftp.site.Preferences;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Sizes;
import org.ferryftp.ui.browser.PaneBehaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The preferences while the window runs: what the menus and the status bar switch (speed limits on or off, the
 * default conflict action) and what the panes follow (double click on a file, the ".." row). Every change goes to
 * {@code apply}, which saves it and gives it to the queue. UI thread only.
 */
public final class LivePreferences {

    private final ReadOnlyObjectWrapper<Preferences> current = new ReadOnlyObjectWrapper<>(this, "preferences");
    private final BooleanProperty limitsOn = new SimpleBooleanProperty(this, "limitsOn");
    private final ObjectProperty<ConflictChoice> conflictDefault = new SimpleObjectProperty<>(this, "conflictDefault");
    private final ObjectProperty<TypeOverride> transferType = new SimpleObjectProperty<>(this, "transferType");
    private final ObservableValue<PaneBehaviour> behaviour;
    private boolean replacing;

    public LivePreferences(Preferences initial, Consumer<Preferences> apply) {
        current.set(initial);
        limitsOn.set(initial.limitsOn());
        conflictDefault.set(initial.conflictDefault());
        transferType.set(initial.transferType());
        behaviour = Bindings.createObjectBinding(() -> new PaneBehaviour(current.get().fileActivation(),
                current.get().parentRow()), current);
        limitsOn.addListener((o, was, on) -> change(current.get().withLimitsOn(on), apply));
        conflictDefault.addListener((o, was, c) -> change(current.get().withConflictDefault(c), apply));
        transferType.addListener((o, was, t) -> change(current.get().withTransferType(t), apply));
    }

    private void change(Preferences p, Consumer<Preferences> apply) {
        if (!replacing) {
            current.set(p);
            apply.accept(p);
        }
    }

    /** Preferences saved elsewhere (the preferences window), already applied: the switches follow them. */
    public void replace(Preferences p) {
        replacing = true;
        try {
            current.set(p);
            limitsOn.set(p.limitsOn());
            conflictDefault.set(p.conflictDefault());
            transferType.set(p.transferType());
        } finally {
            replacing = false;
        }
    }

    public ReadOnlyObjectProperty<Preferences> preferencesProperty() {
        return current.getReadOnlyProperty();
    }

    /** The status bar's and the Transfer menu's switch. */
    public BooleanProperty limitsOnProperty() {
        return limitsOn;
    }

    /** The Transfer menu's transfer type for all FTP transfers; AUTO for each site's own. */
    public ObjectProperty<TypeOverride> transferTypeProperty() {
        return transferType;
    }

    /** Null means ask. */
    public ObjectProperty<ConflictChoice> conflictDefaultProperty() {
        return conflictDefault;
    }

    public ObservableValue<PaneBehaviour> behaviour() {
        return behaviour;
    }

    /** "down 500 KiB/s, up 64 KiB/s" for the indicator's tooltip; empty when no limit is set. */
    public static String describeLimits(Preferences p, Messages msg) {
        List<String> parts = new ArrayList<>();
        if (p.downloadLimit() > 0) {
            parts.add(msg.format("speed.down", Sizes.format(p.downloadLimit(), Locale.getDefault())));
        }
        if (p.uploadLimit() > 0) {
            parts.add(msg.format("speed.up", Sizes.format(p.uploadLimit(), Locale.getDefault())));
        }
        if (p.bandwidthLimit() > 0) {
            parts.add(msg.format("speed.total", Sizes.format(p.bandwidthLimit(), Locale.getDefault())));
        }
        return String.join(", ", parts);
    }
}
