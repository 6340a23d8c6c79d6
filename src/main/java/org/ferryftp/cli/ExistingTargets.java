package org.ferryftp.cli;

import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictAsker;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictQuestion;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The conflict answer when no {@code --on-conflict} was given: skip, and remember what was skipped, so the run
 * ends with exit 3 and names the targets instead of passing a kept old file off as a success.
 */
final class ExistingTargets implements ConflictAsker {

    /** Items were skipped because their target exists and no --on-conflict was given (exit 3). */
    static final class Skipped extends Exception {
        Skipped(String message) {
            super(message);
        }
    }

    static final String CHOICES = "--on-conflict overwrite|newer|size|resume|rename|skip";
    private static final int NAMED = 3;

    private final Set<String> sources = ConcurrentHashMap.newKeySet();
    private final Queue<String> targets = new ConcurrentLinkedQueue<>();

    @Override
    public ConflictAnswer ask(ConflictQuestion question) {
        sources.add(question.sourcePath());
        targets.add(question.targetPath());
        return ConflictAnswer.once(ConflictChoice.SKIP);
    }

    /** True when the item copying from {@code sourcePath} was skipped here. */
    boolean skippedFrom(String sourcePath) {
        return sources.contains(sourcePath);
    }

    /** One line naming the first few skipped targets and the count, with the options; null when none. */
    String summary() {
        if (targets.isEmpty()) {
            return null;
        }
        List<String> names = targets.stream().sorted().toList();
        String named = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
                + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
        return names.size() + (names.size() == 1 ? " file" : " files") + " skipped because the target exists: "
                + named + "; to choose what happens to existing targets, run again with " + CHOICES;
    }
}
