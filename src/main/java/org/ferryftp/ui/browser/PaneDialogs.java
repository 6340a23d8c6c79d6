package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;

import java.util.List;
import java.util.Optional;

/** The questions a pane asks its user. Behind an interface so view models are tested without a stage. */
public interface PaneDialogs {

    /** Permissions chosen in the chmod dialog. */
    record ChmodChoice(String octal, boolean recursive) {
    }

    Optional<String> askNewFolderName();

    Optional<String> askNewName(String current);

    boolean confirmDelete(List<FileEntry> entries);

    Optional<ChmodChoice> askPermissions(List<FileEntry> entries, int currentMode);

    void showProperties(FileEntry entry, String path, String url);
}
