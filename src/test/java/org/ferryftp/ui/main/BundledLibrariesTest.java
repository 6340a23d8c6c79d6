package org.ferryftp.ui.main;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** About's list of libraries comes from the jars' own Maven descriptions, not from a hand-typed list. */
class BundledLibrariesTest {

    @Test
    void theClassPathsLibrariesAreFoundWithTheirVersionsAndLicences() {
        List<BundledLibraries.Library> libs = BundledLibraries.ofThisProcess();
        BundledLibraries.Library sshd = libs.stream().filter(l -> l.artifact().equals("sshd-core")).findFirst()
                .orElseThrow(() -> new AssertionError("sshd-core not found in " + libs));
        assertEquals("2.16.0", sshd.version());
        assertFalse(sshd.licences().isEmpty(), sshd.toString());
        assertTrue(libs.stream().anyMatch(l -> l.artifact().equals("jackson-databind")), libs.toString());
        assertTrue(libs.stream().noneMatch(l -> l.artifact().equals("ferry")), "Ferry itself is not a library");
    }

    @Test
    void aPomsOwnVersionAndLicenceWinOverItsParents() {
        String pom = "<project><parent><groupId>p</groupId><artifactId>parent</artifactId><version>9</version>"
                + "<url>https://parent.example</url></parent><artifactId>lib</artifactId><version>1.2</version>"
                + "<url>https://lib.example</url><licenses><license><name>The  MIT\n License</name></license>"
                + "</licenses><dependencies><dependency><version>7</version></dependency></dependencies></project>";
        BundledLibraries.Library l = BundledLibraries.parse("g", "lib", pom);
        assertEquals("1.2", l.version());
        assertEquals(List.of("The MIT License"), l.licences());
        assertEquals("https://lib.example", l.url());
        BundledLibraries.Library inherited = BundledLibraries.parse("g", "child",
                "<project><parent><version>3.0</version></parent><artifactId>child</artifactId></project>");
        assertEquals("3.0", inherited.version(), "the version a POM inherits");
        assertTrue(inherited.licences().isEmpty());
    }

    @Test
    void aLibraryWhosePomInheritsItsLicenceNamesItFromTheBuildsList() {
        // Commons Net's POM takes its licence from commons-parent, which is not in its jar.
        BundledLibraries.Library net = BundledLibraries.ofThisProcess().stream()
                .filter(l -> l.artifact().equals("commons-net")).findFirst().orElseThrow();
        assertTrue(net.licences().stream().anyMatch(n -> n.contains("Apache")), net.toString());
        List<BundledLibraries.Library> bundled = BundledLibraries.ofThisProcess().stream()
                .filter(l -> BundledLibraries.licencesOfTheBuild().containsKey(l.group() + ":" + l.artifact()))
                .toList();
        assertTrue(bundled.size() >= 20, bundled.toString());
        assertEquals(List.of(), bundled.stream().filter(l -> l.licences().isEmpty()).toList());
    }

    @Test
    void theBuildsListIsReadLineByLine() {
        var read = BundledLibraries.readLicenceList(List.of(
                "",
                "Lists of 2 third-party dependencies.",
                "     (Apache-2.0) Apache Commons Net (commons-net:commons-net:3.11.1 - https://commons.apache.org/)",
                "     (CDDL + GPLv2 with classpath exception) (Eclipse Public License 2.0) Jakarta (g.x:a-b:1.0 - no url)"));
        assertEquals(List.of("Apache-2.0"), read.get("commons-net:commons-net"));
        assertEquals(List.of("CDDL + GPLv2 with classpath exception", "Eclipse Public License 2.0"), read.get("g.x:a-b"));
        assertEquals(2, read.size());
    }
}
