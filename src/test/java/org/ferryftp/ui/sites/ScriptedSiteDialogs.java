package org.ferryftp.ui.sites;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the site manager's questions from fields set by the test, and records what was asked. */
final class ScriptedSiteDialogs implements SiteDialogs {

    volatile String name;
    volatile boolean confirm = true;
    volatile Path file;
    volatile Path exportFile;
    volatile Path keyFile;
    /** The answer to "include passwords?": null cancels. */
    volatile Boolean exportPasswords = false;
    /** The passphrase typed for exported passwords: null cancels. */
    volatile String passphrase;
    final List<String> asked = new CopyOnWriteArrayList<>();
    final List<String> shown = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> askName(String title, String header, String initial) {
        asked.add("name " + header);
        return Optional.ofNullable(name);
    }

    /** The answer to "replace the default proxy?". */
    volatile boolean replaceProxy = true;

    @Override
    public boolean confirmReplaceDefaultProxy(String current, String imported) {
        asked.add("replace proxy " + current + " with " + imported);
        return replaceProxy;
    }

    @Override
    public boolean confirmDelete(String what) {
        asked.add("delete " + what);
        return confirm;
    }

    @Override
    public Optional<Path> chooseFileZillaFile() {
        asked.add("file");
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseKeyFile(String current) {
        asked.add("key file " + current);
        return Optional.ofNullable(keyFile);
    }

    @Override
    public Optional<Path> chooseFerryFile() {
        asked.add("ferry file");
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseExportFile() {
        asked.add("export file");
        return Optional.ofNullable(exportFile);
    }

    @Override
    public Optional<Boolean> askExportPasswords() {
        asked.add("export passwords");
        return Optional.ofNullable(exportPasswords);
    }

    @Override
    public Optional<String> askPassphrase(boolean creating) {
        asked.add(creating ? "new passphrase" : "passphrase");
        return Optional.ofNullable(passphrase);
    }

    @Override
    public void showInfo(String title, String text) {
        shown.add(text);
    }
}
