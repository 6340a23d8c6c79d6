package org.ferryftp.app;

import org.ferryftp.cli.FerryCommand;

/**
 * Entry point of {@code ferry.jar}. Without arguments (or with GUI options) it opens the window;
 * with a subcommand it runs the command line and never loads JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--demo") || args[0].equals("--gui")) {
            // Kept in its own class so the CLI path never loads JavaFX classes.
            GuiLauncher.launch(args);
            return;
        }
        System.exit(FerryCommand.execute(args, System.out, System.err));
    }
}
