package org.ferryftp.site.vault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A user at the keyboard, scripted: answers in order, records every request, fails when asked once too often. */
final class ScriptedMasterPassword implements MasterPasswordSource {

    private final Deque<String> answers;
    private final boolean canAskAgain;
    final List<MasterPasswordRequest> requests = new ArrayList<>();

    ScriptedMasterPassword(boolean canAskAgain, String... answers) {
        this.canAskAgain = canAskAgain;
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public char[] masterPassword(MasterPasswordRequest request) throws VaultException {
        requests.add(request);
        if (answers.isEmpty()) {
            throw new VaultException("no master password given (cancelled)");
        }
        return answers.removeFirst().toCharArray();
    }

    @Override
    public boolean canAskAgain() {
        return canAskAgain;
    }

    @Override
    public String origin() {
        return "scripted";
    }
}
