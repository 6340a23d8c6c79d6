package org.ferryftp.transfer.edit;

/** What to do when the user saved an opened file. */
public enum SaveAction {
    /** Upload it through the queue without asking. */
    UPLOAD,
    /** Ask whether to upload it. */
    ASK,
    /** It changed on the server since it was opened: ask whether to overwrite, save under a new name or cancel. */
    ASK_CHANGED_ON_SERVER,
    /** It is no longer on the server: ask whether to upload it again, under its name or a new one. */
    ASK_GONE;

    /**
     * @param autoUpload the user's remembered choice to upload saved files without being asked
     * @param check      whether the remote file is still what was opened
     */
    public static SaveAction decide(boolean autoUpload, ServerCheck check) {
        if (check instanceof ServerCheck.Changed) {
            return ASK_CHANGED_ON_SERVER;
        }
        if (check instanceof ServerCheck.Gone) {
            return ASK_GONE;
        }
        // Overwriting what cannot be checked would be a guess; the user decides.
        return autoUpload && check instanceof ServerCheck.Unchanged ? UPLOAD : ASK;
    }
}
