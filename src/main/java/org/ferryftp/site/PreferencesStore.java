package org.ferryftp.site;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Keeps {@link Preferences} in {@code preferences.properties} in the config directory. A value that
 * cannot be read falls back to its default and is reported; a failed save never destroys the
 * previous file (temporary file, fsync, rename, previous version kept as {@code .bak}).
 */
public final class PreferencesStore {

    /** What loading found: the preferences, and problems worth telling the user about. */
    public record Loaded(Preferences preferences, List<String> problems) {
    }

    private final Path file;

    public PreferencesStore(Path configDir) {
        this.file = configDir.resolve("preferences.properties");
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        List<String> problems = new ArrayList<>();
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                problems.add("could not read " + file + " (" + e.getMessage() + "); using default preferences");
                return new Loaded(Preferences.DEFAULTS, problems);
            }
        }
        Preferences d = Preferences.DEFAULTS;
        int concurrency = intValue(p, "transfer.concurrency", d.concurrency(), 1, 16, problems);
        int attempts = intValue(p, "transfer.attempts", d.maxAttempts(), 1, 100, problems);
        long bandwidth = intValue(p, "transfer.bandwidth", (int) d.bandwidthLimit(), 0, Integer.MAX_VALUE, problems);
        int history = intValue(p, "transfer.history", d.historyLimit(), 0, 10_000_000, problems);
        boolean fsync = Boolean.parseBoolean(p.getProperty("transfer.fsync", Boolean.toString(d.fsync())));
        ConflictChoice conflict = d.conflictDefault();
        String c = p.getProperty("transfer.conflict", "ask").trim().toUpperCase(Locale.ROOT);
        if (!c.equals("ASK")) {
            try {
                conflict = ConflictChoice.valueOf(c);
            } catch (IllegalArgumentException e) {
                problems.add("transfer.conflict=" + c.toLowerCase(Locale.ROOT) + " is not a choice; asking instead");
            }
        }
        RelayPolicy relay = d.relay();
        try {
            relay = RelayPolicy.valueOf(p.getProperty("transfer.relay", d.relay().name()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("transfer.relay must be never, fallback or always; using never");
        }
        return new Loaded(new Preferences(concurrency, attempts, conflict, relay, bandwidth, history, fsync), problems);
    }

    public void save(Preferences prefs) throws IOException {
        Properties p = new Properties();
        p.setProperty("transfer.concurrency", Integer.toString(prefs.concurrency()));
        p.setProperty("transfer.attempts", Integer.toString(prefs.maxAttempts()));
        p.setProperty("transfer.conflict", prefs.asksOnConflict() ? "ask"
                : prefs.conflictDefault().name().toLowerCase(Locale.ROOT));
        p.setProperty("transfer.relay", prefs.relay().name().toLowerCase(Locale.ROOT));
        p.setProperty("transfer.bandwidth", Long.toString(prefs.bandwidthLimit()));
        p.setProperty("transfer.history", Integer.toString(prefs.historyLimit()));
        p.setProperty("transfer.fsync", Boolean.toString(prefs.fsync()));
        java.io.StringWriter text = new java.io.StringWriter();
        p.store(text, "Ferry preferences");
        AtomicFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int intValue(Properties p, String key, int fallback, int min, int max, List<String> problems) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + "=" + v + " is not a number in " + min + ".." + max + "; using " + fallback);
            return fallback;
        }
    }
}
