package org.ferryftp.ui.browser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Back/forward stacks of one pane, like a web browser's. */
public final class NavigationHistory {

    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();

    /** Records leaving {@code from} for a new place; clears the forward stack. */
    public void visited(String from) {
        if (from != null) {
            back.push(from);
        }
        forward.clear();
    }

    public Optional<String> back(String current) {
        if (back.isEmpty()) {
            return Optional.empty();
        }
        if (current != null) {
            forward.push(current);
        }
        return Optional.of(back.pop());
    }

    public Optional<String> forward(String current) {
        if (forward.isEmpty()) {
            return Optional.empty();
        }
        if (current != null) {
            back.push(current);
        }
        return Optional.of(forward.pop());
    }

    public boolean canGoBack() {
        return !back.isEmpty();
    }

    public boolean canGoForward() {
        return !forward.isEmpty();
    }

    public void clear() {
        back.clear();
        forward.clear();
    }
}
