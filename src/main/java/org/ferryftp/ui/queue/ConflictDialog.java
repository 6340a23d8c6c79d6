package org.ferryftp.ui.queue;

import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictAsker;
import org.ferryftp.transfer.conflict.ConflictQuestion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The GUI's {@link ConflictAsker}: a transfer worker asks, the question is shown on the FX thread, and the
 * worker (never the FX thread) waits for the answer. Pass it to {@code ConflictPolicy.asking(...)}; the
 * policy already serialises questions, so at most one prompt is open at a time.
 */
public final class ConflictDialog implements ConflictAsker {

    private final ConflictPrompt prompt;
    private final Executor fx;
    private final BooleanSupplier onFxThread;

    /**
     * @param prompt     shows the question ({@link FxConflictPrompt} in the app)
     * @param fx         runs on the FX thread ({@code Platform::runLater})
     * @param onFxThread tells whether the caller is the FX thread ({@code Platform::isFxApplicationThread}),
     *                   where waiting would freeze the very dialog being waited for
     */
    public ConflictDialog(ConflictPrompt prompt, Executor fx, BooleanSupplier onFxThread) {
        this.prompt = prompt;
        this.fx = fx;
        this.onFxThread = onFxThread;
    }

    @Override
    public ConflictAnswer ask(ConflictQuestion question) throws InterruptedException {
        if (onFxThread.getAsBoolean()) {
            throw new IllegalStateException("conflict questions must be asked from a worker thread");
        }
        CompletableFuture<ConflictAnswer> answer = new CompletableFuture<>();
        AtomicReference<Runnable> close = new AtomicReference<>();
        fx.execute(() -> {
            if (!answer.isDone()) {
                close.set(prompt.show(question, answer::complete));
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            // The worker was cancelled: take the question off the screen, nobody waits for it any more.
            answer.cancel(false);
            fx.execute(() -> {
                Runnable c = close.get();
                if (c != null) {
                    c.run();
                }
            });
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("conflict prompt failed", e.getCause());
        }
    }
}
