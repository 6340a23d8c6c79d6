package org.ferryftp.app;

import org.slf4j.LoggerFactory;

/**
 * Logs what no one caught. A class of its own, apart from {@link AppLogging}: every start runs this, and the
 * JVM's verifier, checking AppLogging's methods, loaded some twenty Logback classes that a start that logs
 * nothing never needs (seen in -Xlog:class+load of the window and the CLI).
 */
final class UncaughtExceptions {

    private UncaughtExceptions() {
    }

    /**
     * Logs what no one caught, on any thread (the FX thread included), and prints it as the JVM would. The logger
     * is asked for only then, so the logging starts only when there is something to log.
     */
    static void logThem() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LoggerFactory.getLogger(AppLogging.class).error("uncaught exception in thread {}", thread.getName(), e);
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
        });
    }
}
