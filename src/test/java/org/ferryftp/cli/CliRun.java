package org.ferryftp.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code ferry} in-process with an environment the test sets, and keeps what the last run printed. */
public final class CliRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    public Map<String, String> env = Map.of();

    /** The environment of a config directory whose vault opens with {@code master} (no keyring is looked for). */
    public static Map<String, String> vaultEnv(Path configDir, String master) {
        return Map.of("FERRY_CONFIG_DIR", configDir.toString(), "FERRY_MASTER_PASSWORD", master,
                "FERRY_CREDENTIALS", "vault");
    }

    public int ferry(String... args) {
        out.reset();
        err.reset();
        return FerryCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
