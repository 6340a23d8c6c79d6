package org.ferryftp.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Ferry keeps its settings: {@code FERRY_CONFIG_DIR}, else the platform's usual place. */
final class ConfigDir {

    private ConfigDir() {
    }

    static Path resolve(Map<String, String> env, String osName, String home) {
        String explicit = env.get("FERRY_CONFIG_DIR");
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
