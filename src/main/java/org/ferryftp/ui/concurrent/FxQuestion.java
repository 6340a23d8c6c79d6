package org.ferryftp.ui.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A worker thread asks the user something: the question is shown on the FX thread and the worker
 * (never the FX thread) waits for the answer. If the worker is interrupted (cancelled), the question is
 * taken off the screen.
 */
public final class FxQuestion {

    private final Executor fx;
    private final BooleanSupplier onFxThread;

    /**
     * @param fx         runs on the FX thread ({@code Platform::runLater})
     * @param onFxThread tells whether the caller is the FX thread, where waiting would freeze the very
     *                   dialog being waited for
     */
    public FxQuestion(Executor fx, BooleanSupplier onFxThread) {
        this.fx = fx;
        this.onFxThread = onFxThread;
    }

    /**
     * @param show shows the question on the FX thread; it calls the consumer once with the answer (null when
     *             dismissed) and returns what closes it unanswered
     */
    public <A> A ask(Function<Consumer<A>, Runnable> show) throws InterruptedException {
        if (onFxThread.getAsBoolean()) {
            throw new IllegalStateException("questions must be asked from a worker thread");
        }
        CompletableFuture<A> answer = new CompletableFuture<>();
        AtomicReference<Runnable> close = new AtomicReference<>();
        fx.execute(() -> {
            if (!answer.isDone()) {
                close.set(show.apply(answer::complete));
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(false);
            fx.execute(() -> {
                Runnable c = close.get();
                if (c != null) {
                    c.run();
                }
            });
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the prompt failed", e.getCause());
        }
    }
}
