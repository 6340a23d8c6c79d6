package org.ferryftp.site;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Ferry keeps its settings (sites, vault, trusted certificates, preferences): {@code FERRY_CONFIG_DIR}, else
 * the platform's usual place. The window and the command line both use it, so they see the same saved sites.
 */
public final class ConfigLocation {

    public static final String VARIABLE = "FERRY_CONFIG_DIR";

    private ConfigLocation() {
    }

    /** The config directory of this process. */
    public static Path of(Map<String, String> env) {
        return resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    public static Path resolve(Map<String, String> env, String osName, String home) {
        String explicit = env.get(VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Ferry") : Path.of(home, "AppData", "Roaming", "Ferry");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Ferry");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "ferry") : Path.of(home, ".config", "ferry");
    }
}
