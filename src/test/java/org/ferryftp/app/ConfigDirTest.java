package org.ferryftp.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigDirTest {

    @Test
    void environmentWins() {
        assertEquals(Path.of("/x/cfg"), ConfigDir.resolve(Map.of("FERRY_CONFIG_DIR", "/x/cfg"), "Linux", "/home/a"));
    }

    @Test
    void platformDefaults() {
        assertEquals(Path.of("/home/a/.config/ferry"), ConfigDir.resolve(Map.of(), "Linux", "/home/a"));
        assertEquals(Path.of("/xdg/ferry"), ConfigDir.resolve(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/a"));
        assertEquals(Path.of("/Users/a/Library/Application Support/Ferry"), ConfigDir.resolve(Map.of(), "Mac OS X", "/Users/a"));
        assertEquals(Path.of("C:/AppData/Ferry"), ConfigDir.resolve(Map.of("APPDATA", "C:/AppData"), "Windows 11", "C:/u"));
    }
}
