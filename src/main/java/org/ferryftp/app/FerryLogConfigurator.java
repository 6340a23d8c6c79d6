package org.ferryftp.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.ferryftp.site.ConfigLocation;

/**
 * Logback's set-up for Ferry, found through the ServiceLoader when the first logger is asked for: the file log
 * of the config directory ({@link AppLogging}), with DEBUG on stderr when {@code --debug} was given. Ranked
 * below Logback's own file-based set-up, so a {@code logback.xml} (or the tests' {@code logback-test.xml}) wins.
 */
@ConfiguratorRank(ConfiguratorRank.FALLBACK + 5)
public final class FerryLogConfigurator extends ContextAwareBase implements Configurator {

    /** Set by {@link Main} for {@code --debug}. */
    static final String DEBUG_PROPERTY = "ferry.debug";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        AppLogging.configure(context, AppLogging.folder(ConfigLocation.of(System.getenv())),
                Boolean.getBoolean(DEBUG_PROPERTY));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
