package org.ferryftp.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What one class writes to the application log (INFO and above) while a test runs, for tests that a real event
 * gets logged; captured instead of printed. Close it to stop listening.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> source, Level level) {
        logger = (Logger) LoggerFactory.getLogger(source);
        logger.setLevel(level);
        logger.setAdditive(false); // captured, not printed
        appender.start();
        logger.addAppender(appender);
    }

    /** Listens to {@code source}'s logger, at INFO and above. */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(source, Level.INFO);
    }

    /** The events so far, as level and formatted message: {@code "WARN something happened"}. */
    public List<String> lines() {
        return List.copyOf(appender.list).stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
        appender.stop();
    }
}
