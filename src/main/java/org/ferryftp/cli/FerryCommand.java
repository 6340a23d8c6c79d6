package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.ferryftp.ftp.FtpException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The {@code ferry} command line: the FTP engine, scriptable. Exit 0 when everything completed (or was skipped
 * because {@code --on-conflict skip} said so), 1 on failure, 2 on bad usage, 3 when files were skipped because
 * their target exists and no {@code --on-conflict} was given.
 */
public final class FerryCommand {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_SKIPPED = 3;
    static final String VERSION = "Ferry 0.1.0";

    private static final List<Subcommand> COMMANDS = List.of(new LsCommand(), new GetCommand(), new PutCommand(),
            new FxpCommand(), new MirrorCommand(), new MkdirCommand(), new RmCommand(), new MvCommand(), new ChmodCommand(),
            new SitesCommand());
    /** Diagnostics: run like any command, left out of the usage. */
    private static final List<Subcommand> HIDDEN = List.of(new SelfTestCommand());

    private FerryCommand() {
    }

    /** Runs the command line with the process environment and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, System.getenv());
    }

    /** Runs the command line and returns the exit code; an error is one line on {@code err}. */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("sftp://"))) {
            org.ferryftp.sftp.SharedSshClient.prepare(); // its native crypto loads while the command starts
        }
        try (SavedSites saved = new SavedSites(env, new ConsoleMasterPassword(ConsoleMasterPassword::systemConsole),
                line -> err.println("ferry: " + line))) {
            return execute(args, new CliContext(out, err, env, saved));
        }
    }

    private static int execute(String[] args, CliContext context) {
        PrintStream out = context.out();
        PrintStream err = context.err();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return EXIT_OK;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            out.println(VERSION);
            return EXIT_OK;
        }
        Subcommand command = java.util.stream.Stream.concat(COMMANDS.stream(), HIDDEN.stream())
                .filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("ferry: unknown command \"" + args[0] + "\"; try ferry --help");
            return EXIT_USAGE;
        }
        Options options = command.takesProtocolOptions() ? ProtocolOptions.addTo(command.options()) : command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            CommandLine line = DefaultParser.builder().get().parse(options, rest);
            if (line.hasOption("help")) {
                help(out, command, options);
                return EXIT_OK;
            }
            if (command.arity() >= 0 && line.getArgList().size() != command.arity()) {
                throw new IllegalArgumentException("usage: ferry " + command.name() + " " + command.synopsis());
            }
            command.run(line, context);
            return EXIT_OK;
        } catch (ParseException e) {
            err.println("ferry: " + e.getMessage() + " (ferry " + command.name() + " --help lists the options)");
            return EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("ferry: " + e.getMessage());
            return EXIT_USAGE;
        } catch (ExistingTargets.Skipped e) {
            err.println("ferry: " + e.getMessage());
            return EXIT_SKIPPED;
        } catch (SelfTestCommand.SelfTestFailed e) {
            return EXIT_FAILED; // its one line is already printed
        } catch (Exception e) {
            err.println("ferry: " + describe(e));
            return EXIT_FAILED;
        }
    }

    private static String describe(Exception ex) {
        if (ex instanceof org.ferryftp.ftp.UntrustedCertificateException u) {
            return u.getMessage() + "\n  if you have checked that this is the server's certificate, run again with"
                    + " --trust-fingerprint " + u.certificate().sha256();
        }
        if (ex instanceof FtpException) {
            return ex.getMessage();
        }
        if (ex instanceof java.nio.file.NoSuchFileException nsf) {
            return "no such local file or directory: " + nsf.getFile();
        }
        if (ex instanceof java.nio.file.AccessDeniedException ade) {
            return "permission denied: " + ade.getFile();
        }
        if (ex instanceof IOException) {
            return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        }
        return "unexpected error: " + ex;
    }

    private static void usage(PrintStream out) {
        out.println(VERSION + " — FTP and SFTP client. Without arguments, java -jar ferry.jar opens the window.");
        out.println();
        out.println("Usage: ferry COMMAND [OPTIONS] ARGS     (ferry COMMAND --help for its options)");
        out.println();
        for (Subcommand c : COMMANDS) {
            out.printf("  %-6s %-28s %s%n", c.name(), c.synopsis(), c.summary());
        }
        out.println();
        out.println("URLs: ftp://user[:password]@host[:port]/path (password also from FERRY_PASSWORD), ftpes://, ftps://,");
        out.println("      sftp://user[:password]@host[:port]/path (also --key FILE, or the ssh-agent of SSH_AUTH_SOCK),");
        out.println("      or site:NAME/path for a saved site; NAME may include folders: \"site:Work/Deploy box/www\".");
        out.println("      Paths start in the login directory; // after the host makes them absolute.");
        out.println();
        out.println("--debug (with any command): the application log, with debug detail, on stderr too; it is");
        out.println("        always written to logs/ferry.log in the config directory.");
        out.println();
        out.println("Exit codes: 0 every item completed (or was skipped because --on-conflict skip was given),");
        out.println("            1 something failed, 2 bad usage,");
        out.println("            3 files were skipped because the target exists and no --on-conflict was given;");
        out.println("              stderr names them; choose with " + ExistingTargets.CHOICES + ".");
    }

    private static void help(PrintStream out, Subcommand command, Options options) {
        out.println("Usage: ferry " + command.name() + " [OPTIONS] " + command.synopsis());
        out.println(command.summary());
        out.println();
        for (Option o : options.getOptions()) {
            String names = (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? " " + o.getArgName() : "");
            out.printf("  %-28s %s%n", names, o.getDescription());
        }
    }
}
