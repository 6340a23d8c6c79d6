package org.ferryftp.ui.support;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a condition evaluated on the FX thread; fails with a message instead of hanging. */
public final class FxWait {

    private FxWait() {
    }

    public static void until(String what, Callable<Boolean> condition) {
        until(what, 15, condition);
    }

    public static void until(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    public static <T> T fx(Callable<T> c) {
        return fx(10, c);
    }

    /** As {@link #fx(Callable)}, waiting up to {@code seconds}: a JVM's first main window loads many classes. */
    public static <T> T fx(int seconds, Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void onFx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }
}
