package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code ferry} subcommand. */
interface Subcommand {

    String name();

    /** Positional arguments, e.g. {@code URL [-o PATH]} for the usage line. */
    String synopsis();

    String summary();

    /** Number of positional arguments the command takes; negative when the command checks them itself. */
    int arity();

    /** Whether the protocol options (--active, --type, --trust-fingerprint…) apply to this command. */
    default boolean takesProtocolOptions() {
        return true;
    }

    /** The command's own options; the protocol options are added for every command. */
    Options options();

    void run(CommandLine line, CliContext context) throws Exception;
}
