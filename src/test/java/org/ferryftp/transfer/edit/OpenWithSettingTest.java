package org.ferryftp.transfer.edit;

import org.ferryftp.site.Preferences;
import org.ferryftp.site.PreferencesStore;
import org.ferryftp.testsupport.FileWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** "Open files with:" of the preferences reaches the opener: the program it names runs with the file. */
@DisabledOnOs(OS.WINDOWS)
class OpenWithSettingTest {

    @TempDir
    Path dir;

    /** A script that writes the path it was given into {@code marker}. */
    private Path script(String name, Path marker) throws Exception {
        Path script = dir.resolve(name);
        Files.createDirectories(marker.getParent());
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$1\" > '" + marker + ".tmp' && mv '" + marker
                + ".tmp' '" + marker + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void theSavedProgramOpensTheFile() throws Exception {
        Path marker = dir.resolve("marks/opened");
        Path program = script("my editor.sh", marker);
        PreferencesStore store = new PreferencesStore(dir.resolve("config"));
        Preferences d = Preferences.DEFAULTS;
        store.save(new Preferences(d.concurrency(), d.maxAttempts(), d.conflictDefault(), d.relay(),
                d.bandwidthLimit(), d.historyLimit(), d.fsync(), d.downloadLimit(), d.uploadLimit(), d.limitsOn(),
                d.fileActivation(), d.parentRow(), program.toString(), null));
        Path file = Files.writeString(dir.resolve("notes with spaces.txt"), "hello\n");

        new SystemOpener(() -> new PreferencesStore(dir.resolve("config")).load().preferences().openWith())
                .open(file);

        assertThat(FileWatch.awaitText(marker, file.toString(), Duration.ofSeconds(10)))
                .as("the program named in the preferences was run with the file").isTrue();
        assertThat(Files.readString(marker)).isEqualTo(file + "\n");
    }

    @Test
    void aChangedSettingAppliesToTheNextOpen() throws Exception {
        Path first = dir.resolve("marks/first");
        Path second = dir.resolve("marks/second");
        String[] setting = {script("first.sh", first).toString()};
        SystemOpener opener = new SystemOpener(() -> setting[0]);
        Path file = Files.writeString(dir.resolve("a.txt"), "a\n");

        opener.open(file);
        assertThat(FileWatch.awaitText(first, file.toString(), Duration.ofSeconds(10))).isTrue();
        setting[0] = script("second.sh", second).toString();
        opener.open(file);

        assertThat(FileWatch.awaitText(second, file.toString(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aProgramThatCannotRunIsOneClearError() {
        SystemOpener opener = new SystemOpener(() -> dir.resolve("no-such-editor").toString());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> opener.open(dir.resolve("x.txt")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no-such-editor");
    }
}
