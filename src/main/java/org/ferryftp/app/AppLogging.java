package org.ferryftp.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.ferryftp.ftp.SecretMask;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Ferry's application log (what happened to the program, beside the protocol log of each connection): Logback,
 * set up here in code because the folder depends on the config directory ({@link FerryLogConfigurator} calls it
 * when the first logger is asked for, so a run with nothing to log never loads Logback). INFO and above go to
 * {@code logs/ferry.log} in the config directory, rolled daily and at 5 MiB, 14 days and 50 MiB at most;
 * {@code --debug} adds DEBUG and sends everything to stderr too. Secrets are masked as in the protocol log.
 * The file and its rolling policy are set up at the first event that reaches them: libraries (MINA SSHD) ask for
 * loggers at every SFTP command, and setting up the roller cost the command line ~0.1 s of CPU for nothing.
 */
final class AppLogging {

    static final String FOLDER = "logs";
    static final String FILE = "ferry.log";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n";

    private AppLogging() {
    }

    /** Where the log files of a config directory go. */
    static Path folder(Path configDir) {
        return configDir.resolve(FOLDER);
    }

    /** Sets up {@code context}: the file log of {@code folder}, and stderr too with {@code debugToStderr}. */
    static void configure(LoggerContext context, Path folder, boolean debugToStderr) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        // MINA FtpServer (the demo's servers) logs every session at INFO; its warnings are enough.
        context.getLogger("org.apache.ftpserver").setLevel(Level.WARN);
        context.getLogger("org.apache.mina").setLevel(Level.WARN);
        // MINA SSHD notes each connection's set-up at INFO (no ~/.ssh/config, the I/O factory chosen, ...).
        context.getLogger("org.apache.sshd").setLevel(Level.WARN);

        OnFirstEvent file = new OnFirstEvent(() -> fileAppender(context, folder));
        file.setContext(context);
        file.setName("file");
        file.start();
        root.addAppender(file);

        if (debugToStderr) {
            root.setLevel(Level.DEBUG);
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("stderr");
            console.setTarget("System.err");
            console.setEncoder(maskingEncoder(context));
            console.start();
            root.addAppender(console);
        }
    }

    private static Appender<ILoggingEvent> fileAppender(LoggerContext context, Path folder) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(folder.resolve(FILE).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("ferry.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("50MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(maskingEncoder(context));
        file.start();
        return file;
    }

    /** An appender made, and started, when the first event reaches it. */
    private static final class OnFirstEvent extends AppenderBase<ILoggingEvent> {
        private final Supplier<Appender<ILoggingEvent>> make;
        private Appender<ILoggingEvent> made;

        OnFirstEvent(Supplier<Appender<ILoggingEvent>> make) {
            this.make = make;
        }

        @Override
        protected void append(ILoggingEvent event) { // AppenderBase calls this holding its lock
            if (made == null) {
                made = make.get();
            }
            made.doAppend(event);
        }

        @Override
        public void stop() {
            synchronized (this) {
                if (made != null) {
                    made.stop();
                }
            }
            super.stop();
        }
    }

    private static PatternLayoutEncoder maskingEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder() {
            @Override
            public byte[] encode(ILoggingEvent event) {
                return SecretMask.text(getLayout().doLayout(event)).getBytes(StandardCharsets.UTF_8);
            }
        };
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
