package org.ferryftp.ui.edit;

/** The questions a saved file raises, behind an interface so tests answer them without windows. */
public interface EditDialogs {

    /** Whether to upload a saved file. */
    enum UploadAnswer { UPLOAD, ALWAYS_UPLOAD, DO_NOT_UPLOAD }

    /** What to do with a file that changed on the server (or was removed there) since it was opened. */
    sealed interface ChangedAnswer {
        record Overwrite() implements ChangedAnswer {
        }

        record SaveAs(String name) implements ChangedAnswer {
        }

        record Cancel() implements ChangedAnswer {
        }
    }

    UploadAnswer askUpload(String file);

    /**
     * @param file      the remote file
     * @param gone      true when it is no longer on the server, false when someone changed it there
     * @param suggested a new name to offer for "save as"
     */
    ChangedAnswer askChanged(String file, boolean gone, String suggested);

    /** "Open with…": the program to open {@code file} in, this once; empty when the user cancels. */
    java.util.Optional<java.nio.file.Path> askProgram(String file);
}
