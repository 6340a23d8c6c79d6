package org.ferryftp.ftp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server capabilities from the RFC 2389 FEAT reply: feature name (upper case) to its parameters.
 */
public final class Features {

    public static final Features NONE = new Features(Map.of());

    private final Map<String, String> features;

    private Features(Map<String, String> features) {
        this.features = Collections.unmodifiableMap(features);
    }

    /** Parses the lines of a 211 FEAT reply; the first and last lines are the reply's frame. */
    public static Features parse(List<String> replyLines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 1; i < replyLines.size() - 1; i++) {
            String line = replyLines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String name = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String params = space < 0 ? "" : line.substring(space + 1).strip();
            map.merge(name, params, (a, b) -> a.isEmpty() ? b : a + " " + b);
        }
        return new Features(map);
    }

    /** These features less {@code feature}, e.g. after the server refused it. */
    public Features without(String feature) {
        String key = feature.toUpperCase(Locale.ROOT);
        if (!features.containsKey(key)) {
            return this;
        }
        Map<String, String> map = new LinkedHashMap<>(features);
        map.remove(key);
        return new Features(map);
    }

    public boolean has(String feature) {
        return features.containsKey(feature.toUpperCase(Locale.ROOT));
    }

    /** True when FEAT lists {@code feature} with {@code param} among its space or semicolon separated parameters. */
    public boolean has(String feature, String param) {
        String params = features.get(feature.toUpperCase(Locale.ROOT));
        if (params == null) {
            return false;
        }
        for (String p : params.split("[ ;]")) {
            if (p.replace("*", "").equalsIgnoreCase(param)) {
                return true;
            }
        }
        return false;
    }

    public String parameters(String feature) {
        return features.getOrDefault(feature.toUpperCase(Locale.ROOT), "");
    }

    /** MLSD is tied to MLST by RFC 3659; some servers (MINA) list only MLST. */
    public boolean supportsMachineListing() {
        return has("MLST") || has("MLSD");
    }

    /** The strongest checksum command the server offers, or null. */
    public String checksumCommand() {
        for (String c : List.of("HASH", "XSHA256", "XSHA1", "XMD5", "XCRC")) {
            if (has(c)) {
                return c;
            }
        }
        return null;
    }

    public Map<String, String> asMap() {
        return features;
    }

    @Override
    public String toString() {
        return String.join(", ", features.keySet());
    }
}
