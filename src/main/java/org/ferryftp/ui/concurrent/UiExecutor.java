package org.ferryftp.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the outcome back on it. View models depend on this
 * interface only, so tests can use {@link SameThreadUiExecutor} and never need a running toolkit.
 */
public interface UiExecutor extends AutoCloseable {

    /** Runs {@code task} in the background; exactly one of the callbacks is later run on the UI thread. */
    <T> void execute(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now if already there). */
    void onUiThread(Runnable action);

    /** Stops accepting work; running tasks are interrupted. */
    @Override
    void close();
}
