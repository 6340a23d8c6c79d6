package org.ferryftp.fs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Line-by-line reading: each logical line as {@link java.util.Properties} reads it, a damaged one costing only itself. */
class ConfigPropertiesTest {

    static ConfigProperties.Parsed parse(String text) {
        return ConfigProperties.parse(text.getBytes(StandardCharsets.UTF_8), ConfigProperties.Check.ANY);
    }

    @Test
    void readsWhatPropertiesReads() {
        ConfigProperties.Parsed p = parse("# comment \\\r\n! other\r\n  a = one\r\nb: two \\\n   continued\rc\\:d=x\\u00e9\n\n");
        assertEquals(Map.of("a", "one", "b", "two continued", "c:d", "xé"), p.entries());
        assertEquals(List.of(), p.damaged());
    }

    @Test
    void aDamagedLineCostsOnlyItselfAndIsNumbered() {
        byte[] bytes = "a=1\nb=\\u12zz\nc=3\nd=\u0000\ne=5\nf=x\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 2] = (byte) 0xFF; // f's value is not UTF-8
        ConfigProperties.Parsed p = ConfigProperties.parse(bytes,
                (key, value) -> key.equals("e") ? "e is refused" : null);
        assertEquals(Map.of("a", "1", "c", "3"), p.entries());
        assertEquals(List.of(2, 4, 5, 6), p.damaged().stream().map(ConfigProperties.Damage::line).toList());
        assertEquals("e is refused", p.damaged().get(2).why());
        assertEquals("not text", p.damaged().get(3).why());
    }
}
