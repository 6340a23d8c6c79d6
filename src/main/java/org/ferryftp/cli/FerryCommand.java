package org.ferryftp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The {@code ferry} command line: the FTP engine, scriptable. */
@Command(name = "ferry", mixinStandardHelpOptions = true, version = "Ferry 0.1.0",
        description = "Ferry FTP client. Without a subcommand, java -jar ferry.jar opens the window.")
public final class FerryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new FerryCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
