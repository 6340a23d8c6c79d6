package org.ferryftp.ui.synchronize;

/** Shows the Synchronize dialog for a view model; the window calls it, a test may give its own. */
@FunctionalInterface
public interface SyncDialogs {

    /** Shows the dialog (not waiting for it to close); the dialog closes {@code vm} when it closes. */
    void open(SyncViewModel vm);
}
