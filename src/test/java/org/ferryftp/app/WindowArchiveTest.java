package org.ferryftp.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When {@code java -jar ferry.jar} starts the window again with its class archive, and with what command. */
class WindowArchiveTest {

    private static final String JAVA = "/jdk/bin/java";
    private static final String HOME = "/jdk";
    private static final String VM = "17.0.15+6";

    @TempDir
    Path dir;

    private Path jar;
    private WindowArchive archive;

    @BeforeEach
    void builtJarAndArchive() throws IOException {
        jar = Files.write(dir.resolve("ferry.jar"), new byte[] {1, 2, 3});
        archive = WindowArchive.beside(jar);
        Files.write(archive.archive(), new byte[] {4});
        Files.writeString(archive.stamp(), WindowArchive.stampOf(jar, HOME, VM), StandardCharsets.UTF_8);
    }

    private Optional<List<String>> command(List<String> arguments) {
        return archive.relaunchCommand(jar, JAVA, arguments, null, HOME, VM);
    }

    @Test
    void theArchiveLiesBesideTheJar() {
        assertEquals(dir.resolve("ferry-window.jsa"), archive.archive());
        assertEquals(dir.resolve("ferry-window.jsa.stamp"), archive.stamp());
    }

    @Test
    void startsTheSameCommandLineAgainWithTheArchive() {
        List<String> given = List.of("-Xmx1g", "-Duser.home=/home/u", "-jar", jar.toString(), "--demo");
        List<String> expected = new ArrayList<>(List.of(JAVA, "-XX:SharedArchiveFile=" + archive.archive(),
                "-XX:+VerifySharedSpaces", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dferry.windowArchive=relaunched"));
        expected.addAll(given);
        assertEquals(Optional.of(expected), command(given));
    }

    @Test
    void aRelativeJarPathIsTheSameJar() {
        Path relative = Path.of("").toAbsolutePath().relativize(jar);
        assertTrue(command(List.of("-jar", relative.toString())).isPresent());
    }

    @Test
    void theRelaunchedJvmAndAnOptOutStartTheWindowThemselves() {
        List<String> given = List.of("-jar", jar.toString());
        assertEquals(Optional.empty(), archive.relaunchCommand(jar, JAVA, given, "relaunched", HOME, VM));
        assertEquals(Optional.empty(), archive.relaunchCommand(jar, JAVA, given, "off", HOME, VM));
    }

    @Test
    void onlyForJavaDashJarOfThisJar() throws IOException {
        Path other = Files.write(dir.resolve("other.jar"), new byte[] {1, 2, 3});
        assertEquals(Optional.empty(), command(List.of("-cp", jar.toString(), "org.ferryftp.app.Main")));
        assertEquals(Optional.empty(), command(List.of("-jar", other.toString())));
        assertEquals(Optional.empty(), command(List.of("-jar")));
    }

    @Test
    void notWhenTheCommandLineHasItsOwnSharingOrAnAgent() {
        for (String option : List.of("-XX:SharedArchiveFile=/x.jsa", "-Xshare:off", "-XX:ArchiveClassesAtExit=/x",
                "-XX:DumpLoadedClassList=/x", "-XX:AOTCache=/x.aot", "-agentlib:jdwp=transport=dt_socket",
                "-javaagent:/a.jar", "-agentpath:/lib.so")) {
            assertEquals(Optional.empty(), command(List.of(option, "-jar", jar.toString())), option);
        }
        // After the jar they are the app's arguments, not the JVM's.
        assertTrue(command(List.of("-jar", jar.toString(), "-Xshare:off")).isPresent());
    }

    @Test
    void notWithoutAnArchive() throws IOException {
        Files.delete(archive.archive());
        assertEquals(Optional.empty(), command(List.of("-jar", jar.toString())));
    }

    @Test
    void notWhenTheJarWasRebuiltAfterTheArchive() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(Optional.empty(), command(List.of("-jar", jar.toString())));
        Files.write(jar, new byte[] {1, 2, 3, 4});
        assertEquals(Optional.empty(), command(List.of("-jar", jar.toString())));
    }

    @Test
    void notWhenAnotherJvmBuiltTheArchive() {
        List<String> given = List.of("-jar", jar.toString());
        assertEquals(Optional.empty(), archive.relaunchCommand(jar, JAVA, given, null, "/other-jdk", VM));
        assertEquals(Optional.empty(), archive.relaunchCommand(jar, JAVA, given, null, HOME, "21.0.2+13"));
    }

    @Test
    void aMissingOrDamagedStampMeansNoRelaunch() throws IOException {
        Files.write(archive.stamp(), new byte[] {(byte) 0xff, 0, (byte) 0xfe});
        assertEquals(Optional.empty(), command(List.of("-jar", jar.toString())));
        Files.delete(archive.stamp());
        assertEquals(Optional.empty(), command(List.of("-jar", jar.toString())));
    }
}
