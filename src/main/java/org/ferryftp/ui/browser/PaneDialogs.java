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

    /** Server, Custom command: the raw command to send, or empty when cancelled. */
    default Optional<String> askCommand(String site) {
        return Optional.empty();
    }

    /** The reply to a custom command, in a small dialog (it is in the log too). */
    default void showReply(String command, String reply) {
    }
}
