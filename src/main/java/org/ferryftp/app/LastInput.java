package org.ferryftp.app;

import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.InputEvent;
import javafx.stage.Window;

/**
 * When the user last used any of the app's windows (a key, the pointer, a scroll, a touch), on the
 * {@link System#nanoTime()} scale: what the idle collection waits on ({@link HeapFootprint}), so that its pause
 * never meets a user at work.
 */
final class LastInput {

    private volatile long nanos = System.nanoTime();

    private LastInput() {
    }

    /** Watches every window, open now or opened later (dialogs too). On the JavaFX thread. */
    static LastInput watchingAllWindows() {
        LastInput last = new LastInput();
        EventHandler<InputEvent> seen = e -> last.nanos = System.nanoTime();
        Window.getWindows().forEach(w -> w.addEventFilter(InputEvent.ANY, seen));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> w.addEventFilter(InputEvent.ANY, seen));
            }
        });
        return last;
    }

    long nanos() {
        return nanos;
    }
}
