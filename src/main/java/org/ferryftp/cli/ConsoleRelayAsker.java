package org.ferryftp.cli;

import org.ferryftp.transfer.RelayAsker;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code --relay ask} on the command line: asks on the terminal, once per run (the answer holds for the
 * rest of the copy). Without a terminal nobody can answer, so the copy is not relayed and the message says
 * which option to use instead.
 */
final class ConsoleRelayAsker implements RelayAsker {

    private final Supplier<Console> console;
    private final PrintStream err;
    private Boolean answer;

    ConsoleRelayAsker(Supplier<Console> console, PrintStream err) {
        this.console = console;
        this.err = err;
    }

    @Override
    public synchronized boolean mayRelay(String from, String to, String why) {
        if (answer != null) {
            return answer;
        }
        Console c = console.get();
        if (c == null) {
            err.println("ferry: " + from + " and " + to + " cannot copy directly (" + why + "); there is no terminal "
                    + "to ask whether to relay through Ferry: use --relay fallback or --relay always");
            answer = false;
            return false;
        }
        err.println("ferry: " + from + " and " + to + " cannot copy directly: " + why);
        String line = c.readLine("Relay the data through this computer instead? [y/N] ");
        answer = line != null && line.strip().toLowerCase(Locale.ROOT).startsWith("y");
        return answer;
    }
}
