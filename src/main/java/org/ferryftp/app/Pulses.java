package org.ferryftp.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Hooks into JavaFX's pulses (a pulse lays the scene out and then renders its frame). */
final class Pulses {

    private Pulses() {
    }

    /** Runs {@code action} once, on the FX thread, after the layout pass of the next pulse of {@code scene}. */
    static void afterNextLayout(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
        Platform.requestNextPulse();
    }
}
