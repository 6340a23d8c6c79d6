package org.ferryftp.app;

import org.ferryftp.site.ConfigLocation;

import java.nio.file.Path;
import java.util.Map;

/** Where Ferry keeps its settings; the rule lives in {@link ConfigLocation}, shared with the command line. */
final class ConfigDir {

    private ConfigDir() {
    }

    static Path resolve(Map<String, String> env, String osName, String home) {
        return ConfigLocation.resolve(env, osName, home);
    }
}
