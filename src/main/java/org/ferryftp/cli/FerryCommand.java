package org.ferryftp.cli;

import org.ferryftp.ftp.FtpException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/** The {@code ferry} command line: the FTP engine, scriptable. */
@Command(name = "ferry", mixinStandardHelpOptions = true, version = "Ferry 0.1.0",
        description = "Ferry FTP client. Without a subcommand, java -jar ferry.jar opens the window.",
        subcommands = {LsCommand.class, GetCommand.class, PutCommand.class, MkdirCommand.class, RmCommand.class,
                MvCommand.class, ChmodCommand.class})
public final class FerryCommand implements Runnable {

    /** Exit code when the server or the network failed the operation. */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    FerryCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the process environment and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, System.getenv());
    }

    /** Runs the command line and returns the process exit code; errors are one line on {@code err}. */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new FerryCommand(out, err, env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("ferry: " + describe(ex));
            return ex instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : EXIT_FAILED;
        });
        return cli.execute(args);
    }

    private static String describe(Exception ex) {
        if (ex instanceof FtpException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof java.nio.file.NoSuchFileException nsf) {
            return "no such local file: " + nsf.getFile();
        }
        if (ex instanceof java.nio.file.AccessDeniedException ade) {
            return "permission denied: " + ade.getFile();
        }
        if (ex instanceof IOException) {
            return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        }
        return "unexpected error: " + ex;
    }
}
