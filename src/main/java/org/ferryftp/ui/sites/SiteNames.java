package org.ferryftp.ui.sites;

import org.ferryftp.ui.Messages;

import java.util.Optional;
import java.util.function.Consumer;

/** Asks for the name of a new or renamed site or folder through {@link SiteDialogs}, and turns down a bad one. */
final class SiteNames {

    private final SiteDialogs dialogs;
    private final Consumer<String> error;
    private final Messages msg;

    /** @param error receives the message when a name is empty or holds a "/" */
    SiteNames(SiteDialogs dialogs, Consumer<String> error, Messages msg) {
        this.dialogs = dialogs;
        this.error = error;
        this.msg = msg;
    }

    /** The typed name, stripped; empty when cancelled or not a valid name (then with the message shown). */
    Optional<String> ask(String title, String header, String initial) {
        return dialogs.askName(title, header, initial).map(String::strip).filter(this::valid);
    }

    private boolean valid(String name) {
        if (name.isEmpty() || name.contains("/")) {
            error.accept(msg.get("site.error.name"));
            return false;
        }
        return true;
    }
}
