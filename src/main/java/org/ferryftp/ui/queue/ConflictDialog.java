package org.ferryftp.ui.queue;

import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictAsker;
import org.ferryftp.transfer.conflict.ConflictQuestion;

import org.ferryftp.ui.concurrent.FxQuestion;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The GUI's {@link ConflictAsker}: a transfer worker asks, the question is shown on the FX thread, and the
 * worker (never the FX thread) waits for the answer. Pass it to {@code ConflictPolicy.asking(...)}; the
 * policy already serialises questions, so at most one prompt is open at a time.
 */
public final class ConflictDialog implements ConflictAsker {

    private final ConflictPrompt prompt;
    private final FxQuestion question;

    /**
     * @param prompt     shows the question ({@link FxConflictPrompt} in the app)
     * @param fx         runs on the FX thread ({@code Platform::runLater})
     * @param onFxThread tells whether the caller is the FX thread ({@code Platform::isFxApplicationThread}),
     *                   where waiting would freeze the very dialog being waited for
     */
    public ConflictDialog(ConflictPrompt prompt, Executor fx, BooleanSupplier onFxThread) {
        this.prompt = prompt;
        this.question = new FxQuestion(fx, onFxThread);
    }

    @Override
    public ConflictAnswer ask(ConflictQuestion q) throws InterruptedException {
        return question.ask(answer -> prompt.show(q, answer));
    }
}
