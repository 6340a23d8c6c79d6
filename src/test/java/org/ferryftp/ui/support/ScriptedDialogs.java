package org.ferryftp.ui.support;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.ui.browser.PaneDialogs;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the pane's questions from fields set by the test, and records what was asked. */
public final class ScriptedDialogs implements PaneDialogs {

    public volatile String folderName;
    public volatile String newName;
    public volatile boolean confirmDelete = true;
    public volatile ChmodChoice chmod;
    public volatile String command;
    public final List<String> asked = new CopyOnWriteArrayList<>();
    /** Replies shown for custom commands, as "COMMAND -> reply". */
    public final List<String> replies = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> askCommand(String site) {
        asked.add("command " + site);
        return Optional.ofNullable(command);
    }

    @Override
    public void showReply(String command, String reply) {
        replies.add(command + " -> " + reply);
    }

    @Override
    public Optional<String> askNewFolderName() {
        asked.add("mkdir");
        return Optional.ofNullable(folderName);
    }

    @Override
    public Optional<String> askNewName(String current) {
        asked.add("rename " + current);
        return Optional.ofNullable(newName);
    }

    @Override
    public boolean confirmDelete(List<FileEntry> entries) {
        asked.add("delete " + entries.stream().map(FileEntry::name).toList());
        return confirmDelete;
    }

    @Override
    public Optional<ChmodChoice> askPermissions(List<FileEntry> entries, int currentMode) {
        asked.add("chmod " + Integer.toOctalString(currentMode));
        return Optional.ofNullable(chmod);
    }

    @Override
    public void showProperties(FileEntry entry, String path, String url) {
        asked.add("properties " + path + " " + url);
    }
}
