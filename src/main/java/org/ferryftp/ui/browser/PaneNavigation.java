package org.ferryftp.ui.browser;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/** Where a pane has been: back/forward history with its flags, and the recent directories. UI thread only. */
final class PaneNavigation {

    private static final int RECENT_SIZE = 15;

    private final NavigationHistory history = new NavigationHistory();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);

    ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    ObservableList<String> recent() {
        return recentView;
    }

    void clear() {
        history.clear();
        recent.clear();
        updateFlags();
    }

    /** The directory to go back to from {@code current}, if any. */
    Optional<String> back(String current) {
        Optional<String> target = history.back(current);
        updateFlags();
        return target;
    }

    Optional<String> forward(String current) {
        Optional<String> target = history.forward(current);
        updateFlags();
        return target;
    }

    /** A directory arrived: {@code from} joins the history when the move is recorded. */
    void arrived(String from, String to, boolean record) {
        if (record && from != null && !from.equals(to)) {
            history.visited(from);
        }
        updateFlags();
    }

    /** {@code dir} was shown: it moves to the top of the recent directories. */
    void shown(String dir) {
        recent.remove(dir);
        recent.add(0, dir);
        if (recent.size() > RECENT_SIZE) {
            recent.remove(RECENT_SIZE, recent.size());
        }
    }

    private void updateFlags() {
        canGoBack.set(history.canGoBack());
        canGoForward.set(history.canGoForward());
    }
}
