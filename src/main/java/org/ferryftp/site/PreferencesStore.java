package org.ferryftp.site;

import org.ferryftp.ftp.TypeOverride;

import org.ferryftp.fs.ConfigProperties;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * Keeps {@link Preferences} in {@code preferences.properties} in the config directory. A value that
 * cannot be read falls back to its default and is reported; a damaged line is reported and the file kept aside
 * ({@link ConfigProperties}). A save writes, under the file's lock, only the settings changed since this store last
 * loaded or saved, so another process's changes and keys this version does not know stay. A failed save never
 * destroys the previous file (temporary file, fsync, rename, previous version kept as {@code .bak}).
 */
public final class PreferencesStore {

    /** What loading found: the preferences, and problems worth telling the user about. */
    public record Loaded(Preferences preferences, List<String> problems) {
    }

    private final ConfigProperties file;
    /** The settings as this store last loaded or saved them; null before either (a save then writes them all). */
    private Map<String, String> known;

    public PreferencesStore(Path configDir) {
        this(configDir, Clock.systemUTC());
    }

    /** @param clock stamps the name a damaged file is kept aside under */
    public PreferencesStore(Path configDir, Clock clock) {
        this.file = new ConfigProperties(configDir.resolve("preferences.properties"), "the preferences",
                "Ferry preferences", ConfigProperties.Check.ANY, clock);
    }

    public Path file() {
        return file.file();
    }

    public synchronized Loaded load() {
        List<String> problems = new ArrayList<>();
        Properties p = new Properties();
        try {
            ConfigProperties.Read read = file.read();
            read.problem().ifPresent(problems::add);
            p.putAll(read.entries());
        } catch (IOException e) {
            problems.add("could not read " + file.file() + " (" + e.getMessage() + "); using default preferences");
            known = lines(Preferences.DEFAULTS);
            return new Loaded(Preferences.DEFAULTS, problems);
        }
        Loaded loaded = values(p, problems);
        known = lines(loaded.preferences());
        return loaded;
    }

    private static Loaded values(Properties p, List<String> problems) {
        Preferences d = Preferences.DEFAULTS;
        int concurrency = intValue(p, "transfer.concurrency", d.concurrency(), 1, 16, problems);
        int attempts = intValue(p, "transfer.attempts", d.maxAttempts(), 1, 100, problems);
        long bandwidth = intValue(p, "transfer.bandwidth", (int) d.bandwidthLimit(), 0, Integer.MAX_VALUE, problems);
        int history = intValue(p, "transfer.history", d.historyLimit(), 0, 10_000_000, problems);
        boolean fsync = Boolean.parseBoolean(p.getProperty("transfer.fsync", Boolean.toString(d.fsync())));
        ConflictChoice conflict = p.getProperty("transfer.conflict", "ask").trim().equalsIgnoreCase("ask")
                ? d.conflictDefault()
                : choice(p, "transfer.conflict", ConflictChoice.class, d.conflictDefault(),
                        bad -> "transfer.conflict=" + bad + " is not a choice; asking instead", problems);
        RelayPolicy relay = choice(p, "transfer.relay", RelayPolicy.class, d.relay(),
                bad -> "transfer.relay must be never, fallback or always; using never", problems);
        long download = intValue(p, "transfer.limit.download", (int) d.downloadLimit(), 0, Integer.MAX_VALUE, problems);
        long upload = intValue(p, "transfer.limit.upload", (int) d.uploadLimit(), 0, Integer.MAX_VALUE, problems);
        boolean limitsOn = Boolean.parseBoolean(p.getProperty("transfer.limit.on", Boolean.toString(d.limitsOn())));
        FileActivation activation = choice(p, "browser.activation", FileActivation.class, d.fileActivation(),
                bad -> "browser.activation must be transfer, view, edit or nothing; using transfer", problems);
        boolean parentRow = Boolean.parseBoolean(p.getProperty("browser.parentRow", Boolean.toString(d.parentRow())));
        String openWith = p.getProperty("edit.openWith", d.openWith());
        if (openWith.contains("\n") || openWith.contains("\r")) {
            problems.add("edit.openWith is not one line; files open in the desktop's default application");
            openWith = "";
        }
        TypeOverride type = choice(p, "transfer.type", TypeOverride.class, d.transferType(),
                bad -> "transfer.type must be auto, ascii or binary; using auto", problems);
        return new Loaded(new Preferences(concurrency, attempts, conflict, relay, bandwidth, history, fsync, download,
                upload, limitsOn, activation, parentRow, openWith, defaultProxy(p, problems), type), problems);
    }

    /**
     * The constant {@code key} names, in any case; {@code fallback} when it is missing, and also when it names none,
     * with the problem {@code why} gives for the value (lower case).
     */
    private static <E extends Enum<E>> E choice(Properties p, String key, Class<E> type, E fallback,
                                                Function<String, String> why, List<String> problems) {
        String name = p.getProperty(key);
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(why.apply(name.trim().toLowerCase(Locale.ROOT)));
            return fallback;
        }
    }

    /** The default proxy of {@code proxy.*}; none when the type is "none" or missing, or the entry is damaged. */
    private static SiteProxy defaultProxy(Properties p, List<String> problems) {
        String type = p.getProperty("proxy.type", "none").trim().toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            return null;
        }
        try {
            ProxySettings.Type t = ProxySettings.Type.valueOf(type);
            String port = p.getProperty("proxy.port", "").trim();
            return new SiteProxy(t, p.getProperty("proxy.host", "").trim(),
                    port.isEmpty() ? SiteProxy.defaultPort(t) : Integer.parseInt(port), p.getProperty("proxy.user", ""));
        } catch (IllegalArgumentException e) {
            problems.add("the default proxy (proxy.type=" + type.toLowerCase(Locale.ROOT) + ", proxy.host="
                    + p.getProperty("proxy.host", "") + ", proxy.port=" + p.getProperty("proxy.port", "")
                    + ") cannot be used: " + e.getMessage() + "; connecting without it");
            return null;
        }
    }

    /** Writes the settings that differ from what this store last loaded or saved into the file as it is now. */
    public synchronized void save(Preferences prefs) throws IOException {
        Map<String, String> mine = lines(prefs);
        Map<String, String> base = known;
        file.update(now -> mine.forEach((key, value) -> {
            if (base == null || !value.equals(base.get(key))) {
                now.put(key, value);
            }
        }));
        known = mine;
    }

    private static Map<String, String> lines(Preferences prefs) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("transfer.concurrency", Integer.toString(prefs.concurrency()));
        p.put("transfer.attempts", Integer.toString(prefs.maxAttempts()));
        p.put("transfer.conflict", prefs.asksOnConflict() ? "ask"
                : prefs.conflictDefault().name().toLowerCase(Locale.ROOT));
        p.put("transfer.relay", prefs.relay().name().toLowerCase(Locale.ROOT));
        p.put("transfer.bandwidth", Long.toString(prefs.bandwidthLimit()));
        p.put("transfer.history", Integer.toString(prefs.historyLimit()));
        p.put("transfer.fsync", Boolean.toString(prefs.fsync()));
        p.put("transfer.limit.download", Long.toString(prefs.downloadLimit()));
        p.put("transfer.limit.upload", Long.toString(prefs.uploadLimit()));
        p.put("transfer.limit.on", Boolean.toString(prefs.limitsOn()));
        p.put("browser.activation", prefs.fileActivation().name().toLowerCase(Locale.ROOT));
        p.put("browser.parentRow", Boolean.toString(prefs.parentRow()));
        p.put("transfer.type", prefs.transferType().name().toLowerCase(Locale.ROOT));
        p.put("edit.openWith", prefs.openWith());
        SiteProxy proxy = prefs.defaultProxy();
        p.put("proxy.type", proxy == null ? "none" : proxy.type().name().toLowerCase(Locale.ROOT));
        p.put("proxy.host", proxy == null ? "" : proxy.host());
        p.put("proxy.port", proxy == null ? "" : Integer.toString(proxy.port()));
        p.put("proxy.user", proxy == null ? "" : proxy.user());
        return p;
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
