package org.ferryftp.app;

import org.ferryftp.cli.FerryCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code ferry.jar}. Without arguments (or with GUI options) it opens the window;
 * with a subcommand it runs the command line and never loads JavaFX. {@code --debug}, anywhere before
 * a {@code --}, also sends the application log, with DEBUG, to stderr. The log itself starts only when
 * something is logged ({@link FerryLogConfigurator}): a command that goes well spends no start-up time on it.
 */
public final class Main {

    static final String DEBUG = "--debug";

    private Main() {
    }

    public static void main(String[] given) {
        String[] args = withoutDebug(given);
        boolean window = args.length == 0 || args[0].startsWith("--demo") || args[0].equals("--gui");
        if (window) {
            // java -jar: the window starts again in a JVM that maps its class archive, when one was built; this
            // one then only waits for it (and neither logs nor loads anything else).
            java.util.OptionalInt relaunched = WindowArchive.relaunch();
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
        }
        UncaughtExceptions.logThem();
        if (args.length != given.length) {
            System.setProperty(FerryLogConfigurator.DEBUG_PROPERTY, "true");
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("started with arguments {} (java {})",
                    java.util.Arrays.toString(args), Runtime.version());
        }
        if (window) {
            // Kept in its own class so the CLI path never loads JavaFX classes.
            GuiLauncher.launch(args);
            return;
        }
        System.exit(FerryCommand.execute(args, System.out, System.err));
    }

    /** The arguments without {@code --debug} (which is not an option of any one command). */
    static String[] withoutDebug(String[] args) {
        List<String> rest = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals(DEBUG)) {
                continue;
            }
            if (a.equals("--")) {
                options = false;
            }
            rest.add(a);
        }
        return rest.toArray(String[]::new);
    }
}
