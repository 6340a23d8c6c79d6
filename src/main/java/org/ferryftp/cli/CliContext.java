package org.ferryftp.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command writes, the environment it reads (injected so tests need no real process), and the saved sites
 * of the config directory that environment names.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, SavedSites saved) {

    /** The passphrase of exported passwords: the environment, else the terminal. */
    ExportPassphrase passphrase() {
        return new ExportPassphrase(env, ConsoleMasterPassword::systemConsole);
    }
}
