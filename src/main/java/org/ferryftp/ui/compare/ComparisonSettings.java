package org.ferryftp.ui.compare;

import org.ferryftp.fs.ConfigProperties;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The directory comparison's tolerance and each site's time-zone offset (minutes added to the times the site lists),
 * kept in a small properties file in the config directory ({@link ConfigProperties}: atomic writes; a damaged line
 * costs only itself and is reported in one line). With no file, settings live in memory only.
 */
public final class ComparisonSettings {

    static final String TOLERANCE = "tolerance.seconds";
    static final String OFFSET = "offset.";
    /** A day either way is more than any time zone; more is a typing slip. */
    static final int MAX_OFFSET_MINUTES = 24 * 60;

    private final ConfigProperties file;
    private final Consumer<String> log;
    private final Map<String, String> entries = new HashMap<>();

    /** @param file the properties file, or null to keep settings in memory */
    public ComparisonSettings(Path file, Consumer<String> log, Clock clock) {
        this.file = file == null ? null : new ConfigProperties(file, "the comparison settings",
                "Ferry directory comparison: tolerance in seconds, offset.<site id> in minutes", ComparisonSettings::problem,
                clock);
        this.log = log;
        if (this.file != null) {
            try {
                ConfigProperties.Read read = this.file.read();
                read.problem().ifPresent(log);
                entries.putAll(read.entries());
            } catch (IOException e) {
                log.accept("the comparison settings " + file + " could not be read (" + e.getMessage() + "); defaults are used");
            }
        }
    }

    static String problem(String key, String value) {
        if (!key.equals(TOLERANCE) && !(key.startsWith(OFFSET) && key.length() > OFFSET.length())) {
            return "not a tolerance or a site's offset";
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (key.equals(TOLERANCE) ? n < 0 || n > 86_400 : Math.abs(n) > MAX_OFFSET_MINUTES) {
                return value + " is out of range";
            }
            return null;
        } catch (NumberFormatException e) {
            return value + " is not a whole number";
        }
    }

    public synchronized Duration tolerance() {
        return Duration.ofSeconds(Integer.parseInt(entries.getOrDefault(TOLERANCE, "1").strip()));
    }

    /** What the site's listed times need added to be true times; zero for the local disk (null) or an unknown site. */
    public synchronized Duration offset(String siteId) {
        return siteId == null ? Duration.ZERO
                : Duration.ofMinutes(Integer.parseInt(entries.getOrDefault(OFFSET + siteId, "0").strip()));
    }

    public void setTolerance(Duration tolerance) {
        put(TOLERANCE, Long.toString(Math.max(0, tolerance.toSeconds())));
    }

    public void setOffset(String siteId, Duration offset) {
        long minutes = Math.max(-MAX_OFFSET_MINUTES, Math.min(MAX_OFFSET_MINUTES, offset.toMinutes()));
        if (siteId != null) {
            put(OFFSET + siteId, Long.toString(minutes));
        }
    }

    private synchronized void put(String key, String value) {
        entries.put(key, value);
        if (file == null) {
            return;
        }
        try {
            ConfigProperties.Read written = file.update(lines -> lines.put(key, value));
            written.problem().ifPresent(log);
        } catch (IOException e) {
            log.accept("could not save the comparison settings to " + file.file() + ": " + e.getMessage());
        }
    }
}
