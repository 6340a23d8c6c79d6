package org.ferryftp.ui.queue;

import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictQuestion;

import java.util.function.Consumer;

/**
 * Shows one conflict question to the user without blocking (called on the FX thread). The real one is
 * {@link FxConflictPrompt}; tests substitute a fake so {@link ConflictDialog}'s hand-off is testable.
 */
@FunctionalInterface
public interface ConflictPrompt {

    /**
     * @param answer called once on the FX thread with the answer, or with null when dismissed
     * @return closes the prompt without an answer (the asking worker was cancelled)
     */
    Runnable show(ConflictQuestion question, Consumer<ConflictAnswer> answer);
}
