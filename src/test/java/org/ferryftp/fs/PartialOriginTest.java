package org.ferryftp.fs;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.ferryftp.fs.PartialDownloadTest.T1;
import static org.ferryftp.fs.PartialDownloadTest.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A partial download's origin: its text on disk, and when two origins are the same. */
class PartialOriginTest {

    @Test
    void theTextIsTheSameForTheSameOriginWithoutATimeOfWriting() {
        assertEquals("""
                #Ferry: where the partial download beside this file came from
                site.id=site-1
                site.host=ftp.example.org
                site.port=21
                site.user=alice
                path=/f.bin
                size=10
                modified=2024-01-01T10\\:00\\:00Z
                """, new String(V1.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void valuesPropertiesWouldEscapeReadBackAsTheyWere() throws Exception {
        List<String> awkward = List.of(" leading space", "trailing space ", "a=b:c#d!e", "back\\slash", "tab\there",
                "new\nline\rand\fform feed", "naïve €/日本", "#hash first", "!bang first", "", "\u0001control");
        for (String value : awkward) {
            PartialOrigin origin = new PartialOrigin(value, value, 2121, value, value, -1, null);
            String text = new String(origin.encode(), StandardCharsets.UTF_8);
            assertEquals(Optional.of(origin), PartialOrigin.decode(new StringReader(text)), text);
        }
    }

    @Test
    void originsAreTheSameOnlyWhenEveryPartIs() {
        PartialOrigin same = new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10,
                Instant.parse("2024-01-01T10:00:00Z"));
        assertEquals(V1, same);
        assertEquals(V1.hashCode(), same.hashCode());
        assertEquals(new PartialOrigin("s", "h", 1, "u", "/p", -1, null), new PartialOrigin("s", "h", 1, "u", "/p", -1,
                null));
        List<PartialOrigin> others = new ArrayList<>(PartialDownloadTest.DIFFERENT_FROM_V1);
        others.add(new PartialOrigin("site-1", "FTP.example.org", 21, "alice", "/f.bin", 10, T1)); // a match for differenceFrom, not equal
        others.add(new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10, T1.plusMillis(1)));
        for (PartialOrigin other : others) {
            assertNotEquals(V1, other, other.toString());
            assertNotEquals(other, V1, other.toString());
        }
        assertFalse(V1.equals(null));
        assertEquals("PartialOrigin[siteId=site-1, host=ftp.example.org, port=21, user=alice, path=/f.bin, size=10,"
                + " modified=2024-01-01T10:00:00Z]", V1.toString());
    }

    /** A command-line download compares origins once; the generated methods' bootstrap would cost it 20-50 ms. */
    @Test
    void comparingOriginsNeedsNoObjectMethodsBootstrap() throws Exception {
        try (InputStream in = PartialOrigin.class.getResourceAsStream("PartialOrigin.class")) {
            assertNotNull(in);
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(classFile.contains("java/lang/runtime/ObjectMethods"));
        }
    }
}
