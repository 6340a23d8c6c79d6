package org.ferryftp.cli;

import java.io.PrintStream;
import java.util.Map;

/** Where a command writes, and the environment it reads (injected so tests need no real process). */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env) {
}
