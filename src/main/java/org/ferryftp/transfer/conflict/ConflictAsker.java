package org.ferryftp.transfer.conflict;

/** Asks the user about a conflict, typically with a dialog on the UI thread. */
@FunctionalInterface
public interface ConflictAsker {

    /**
     * Blocks until the user answers. Returning null means the question was dismissed; the file is skipped.
     *
     * @throws InterruptedException when the asking worker is cancelled while waiting
     */
    ConflictAnswer ask(ConflictQuestion question) throws InterruptedException;
}
