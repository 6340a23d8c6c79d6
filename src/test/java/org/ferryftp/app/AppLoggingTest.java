package org.ferryftp.app;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application log: a file under the config directory's logs/, secrets masked, --debug taken out of the arguments. */
class AppLoggingTest {

    @TempDir
    Path config;

    @Test
    void writesInfoAndAboveToTheLogFileWithSecretsMasked() throws Exception {
        Path folder = AppLogging.folder(config);
        LoggerContext context = new LoggerContext(); // its own, so the tests' logging stays as it is
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        AppLogging.configure(context, folder, false);
        Logger log = context.getLogger("org.ferryftp.test");
        log.debug("not without --debug");
        log.info("login failed after PASS hunter2");
        log.warn("cannot reach ftp://ferry:topsecret@example.net/x", new IllegalStateException("PASS again"));
        context.stop(); // flushes and closes the file

        String text = Files.readString(folder.resolve(AppLogging.FILE), StandardCharsets.UTF_8);
        assertEquals(config.resolve("logs"), folder);
        assertTrue(text.contains("login failed after PASS ****"), text);
        assertTrue(text.contains("cannot reach ftp://ferry:****@example.net/x"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: PASS ****"), text);
        assertFalse(text.contains("hunter2") || text.contains("topsecret") || text.contains("again"), text);
        assertFalse(text.contains("not without --debug"), text);
    }

    @Test
    void aRunThatLogsNothingLeavesNoFileAndMinaSshdsConnectionChatterIsNotLogged() throws Exception {
        Path folder = AppLogging.folder(config);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        AppLogging.configure(context, folder, false);
        context.getLogger("org.apache.sshd.client.config.hosts.DefaultConfigFileHostEntryResolver")
                .info("no configuration file at ~/.ssh/config");
        context.getLogger("org.ferryftp.test").debug("not without --debug");
        assertFalse(Files.exists(folder.resolve(AppLogging.FILE)), "the log file was created with nothing to log");

        context.getLogger("org.apache.sshd.common.session.helpers.AbstractSession").warn("disconnected: broken pipe");
        context.stop();
        String text = Files.readString(folder.resolve(AppLogging.FILE), StandardCharsets.UTF_8);
        assertTrue(text.contains("WARN") && text.contains("disconnected: broken pipe"), text);
        assertFalse(text.contains("ssh/config"), text);
    }

    @Test
    void debugIsAGlobalFlagUntilTheEndOfOptions() {
        assertArrayEquals(new String[] {"get", "ftp://h/a", "."},
                Main.withoutDebug(new String[] {"--debug", "get", "ftp://h/a", "."}));
        assertArrayEquals(new String[] {"put", "--", "--debug"}, Main.withoutDebug(new String[] {"put", "--debug", "--", "--debug"}));
        assertArrayEquals(new String[0], Main.withoutDebug(new String[] {"--debug"}));
    }
}
