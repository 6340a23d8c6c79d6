package org.ferryftp.ui.prefs;

import org.ferryftp.site.Preferences;
import org.ferryftp.site.PreferencesStore;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferencesViewModelTest {

    @TempDir
    Path dir;

    @Test
    void editsAreSavedAndReadBack() {
        PreferencesStore store = new PreferencesStore(dir);
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save);
        assertNull(vm.conflict().get(), "the default is to ask");
        vm.concurrency().set(6);
        vm.conflict().set(ConflictChoice.OVERWRITE_IF_NEWER);
        vm.relay().set(RelayPolicy.FALLBACK);
        vm.bandwidthKib().set(" 512 ");
        vm.fsync().set(true);
        Optional<Preferences> saved = vm.save();
        assertTrue(saved.isPresent(), vm.error().get());
        Preferences back = store.load().preferences();
        assertEquals(saved.get(), back);
        assertEquals(6, back.concurrency());
        assertEquals(512 * 1024, back.bandwidthLimit());
        assertEquals(ConflictChoice.OVERWRITE_IF_NEWER, back.conflictDefault());
        assertEquals(RelayPolicy.FALLBACK, back.relay());
        assertEquals("512", new PreferencesViewModel(back, p -> { }).bandwidthKib().get());
    }

    @Test
    void aProxyPasswordThatCouldNotBeReadIsNotRemovedBySavingTheEmptyField() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        java.util.List<String> removed = new java.util.ArrayList<>();
        org.ferryftp.site.vault.CredentialStore locked = new org.ferryftp.site.vault.CredentialStore() {
            @Override
            public Optional<String> get(String name) throws IOException {
                throw new IOException("saved passwords are not unlocked yet");
            }

            @Override
            public void put(String name, String secret) {
                removed.add("put " + name);
            }

            @Override
            public void remove(String name) {
                removed.add("remove " + name);
            }
        };
        Preferences withProxy = Preferences.DEFAULTS.withDefaultProxy(new org.ferryftp.site.SiteProxy(
                org.ferryftp.ftp.ProxySettings.Type.SOCKS5, "socks.example.org", 1080, "me"));
        PreferencesViewModel vm = new PreferencesViewModel(withProxy, store::save, locked);
        assertTrue(vm.error().get().contains("could not be read"), vm.error().get());
        vm.concurrency().set(3);
        assertTrue(vm.save().isPresent(), vm.error().get());
        assertEquals(java.util.List.of(), removed, "the stored password stays");
    }

    @Test
    void theDefaultProxyIsSavedWithItsPasswordInTheCredentialStoreOnly() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        org.ferryftp.site.vault.MemoryCredentialStore credentials = new org.ferryftp.site.vault.MemoryCredentialStore();
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save, credentials);
        assertNull(vm.proxyType().get(), "no default proxy at first");
        vm.proxyType().set(org.ferryftp.ftp.ProxySettings.Type.SOCKS5);
        vm.proxyHost().set(" proxy.example.org ");
        vm.proxyUser().set("me");
        vm.proxyPassword().set("s3cret");
        assertTrue(vm.save().isPresent(), vm.error().get());
        org.ferryftp.site.SiteProxy saved = store.load().preferences().defaultProxy();
        assertEquals(new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS5, "proxy.example.org",
                1080, "me"), saved, "an empty port is the kind's usual one");
        assertEquals(Optional.of("s3cret"), credentials.get(org.ferryftp.site.SiteSessions.DEFAULT_PROXY_KEY));
        assertTrue(!Files.readString(store.file()).contains("s3cret"));
        PreferencesViewModel again = new PreferencesViewModel(store.load().preferences(), store::save, credentials);
        assertEquals("s3cret", again.proxyPassword().get());
        assertEquals("1080", again.proxyPort().get());

        again.proxyPort().set("http");
        assertTrue(again.save().isEmpty());
        assertEquals("the default proxy's port must be a number from 1 to 65535, not \"http\"", again.error().get());
        again.proxyPort().set("");
        again.proxyType().set(null);
        assertTrue(again.save().isPresent(), again.error().get());
        assertNull(store.load().preferences().defaultProxy());
        assertEquals(Optional.empty(), credentials.get(org.ferryftp.site.SiteSessions.DEFAULT_PROXY_KEY),
                "no proxy, no password kept");
    }

    @Test
    void speedLimitsPerDirectionAndTheBrowserChoicesAreSaved() {
        PreferencesStore store = new PreferencesStore(dir);
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save);
        assertTrue(vm.parentRow().get(), "the \"..\" row is on by default");
        vm.downloadKib().set("500");
        vm.uploadKib().set("64");
        vm.limitsOn().set(false);
        vm.parentRow().set(false);
        vm.fileActivation().set(org.ferryftp.site.FileActivation.NOTHING);
        Preferences back = vm.save().orElseThrow(() -> new AssertionError(vm.error().get()));
        assertEquals(back, store.load().preferences());
        assertEquals(500 * 1024, back.downloadLimit());
        assertEquals(64 * 1024, back.uploadLimit());
        assertEquals(0, back.effectiveUploadLimit(), "switched off");
        assertEquals(org.ferryftp.site.FileActivation.NOTHING, back.fileActivation());

        vm.uploadKib().set("lots");
        assertTrue(vm.save().isEmpty());
        assertTrue(vm.error().get().startsWith("the upload limit must be a whole number"), vm.error().get());
        vm.uploadKib().set("");
        vm.fileActivation().set(org.ferryftp.site.FileActivation.EDIT);
        assertEquals(org.ferryftp.site.FileActivation.EDIT, vm.save().orElseThrow().fileActivation());
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() throws IOException {
        PreferencesStore store = new PreferencesStore(dir);
        store.save(Preferences.DEFAULTS);
        String before = Files.readString(store.file());
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save);
        vm.bandwidthKib().set("fast");
        assertTrue(vm.save().isEmpty());
        assertTrue(vm.error().get().contains("whole number of KiB/s"), vm.error().get());
        vm.bandwidthKib().set("");
        vm.concurrency().set(40);
        assertTrue(vm.save().isEmpty());
        assertTrue(vm.error().get().contains("1 to 16"), vm.error().get());
        assertEquals(before, Files.readString(store.file()));
    }

    @Test
    void aFailedSaveSaysSoAndKeepsTheForm() {
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, p -> {
            throw new IOException("disk full");
        });
        vm.concurrency().set(3);
        assertTrue(vm.save().isEmpty());
        assertTrue(vm.error().get().contains("disk full"), vm.error().get());
        assertTrue(vm.error().get().contains("previous ones are kept"));
        assertEquals(3, vm.concurrency().get());
    }

    @Test
    void theProgramToOpenFilesWithIsSavedAndAPathThatCannotRunIsRefused() throws IOException {
        PreferencesStore store = new PreferencesStore(dir);
        PreferencesViewModel vm = new PreferencesViewModel(Preferences.DEFAULTS, store::save);
        assertEquals("", vm.openWith().get(), "the desktop's default application unless one is chosen");
        Path notAProgram = Files.writeString(dir.resolve("notes.txt"), "not executable");
        vm.openWith().set(notAProgram.toString());
        assertTrue(vm.save().isEmpty(), "a file that cannot be run is not saved as the program");
        assertTrue(vm.error().get().contains("is not a program that can be run"), vm.error().get());
        Path editor = Files.writeString(dir.resolve("editor.sh"), "#!/bin/sh\n");
        editor.toFile().setExecutable(true);
        vm.openWith().set(" " + editor + " ");
        Preferences back = vm.save().orElseThrow(() -> new AssertionError(vm.error().get()));
        assertEquals(editor.toString(), back.openWith());
        assertEquals(editor.toString(), store.load().preferences().openWith());
        vm.openWith().set("");
        assertEquals("", vm.save().orElseThrow().openWith());
        assertEquals("", store.load().preferences().openWith(), "emptied: the default again");
    }
}
