package org.ferryftp.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything immediately on the calling thread: for view-model tests (JabRef's CurrentThreadTaskExecutor). */
public final class SameThreadUiExecutor implements UiExecutor {

    @Override
    public <T> void execute(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = task.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        // Nothing to stop.
    }
}
