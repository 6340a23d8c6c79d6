package org.ferryftp.transfer.conflict;

import org.ferryftp.transfer.TransferDirection;

import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Decides conflicts for a queue: from an "apply to all" answer, else a choice remembered for the
 * direction, else the fixed default, else by asking the user.
 *
 * <p>Workers call {@link #resolve} concurrently. Questions go out under one fair lock held while the user
 * answers, so the user sees one question at a time, and a worker that was waiting behind a question re-reads
 * the answers afterwards: an "apply to all" given to the first question covers it without a second dialog.
 * The answers themselves sit under a separate monitor, so the UI thread can call {@link #remember} or
 * {@link #reset} while a worker waits on a dialog without deadlocking.
 */
public final class ConflictPolicy {

    private final ConflictChoice fixed;
    private final ConflictAsker asker;
    private final ReentrantLock asking = new ReentrantLock(true);
    private final Object answers = new Object();
    // Guarded by answers.
    private final Map<TransferDirection, ConflictChoice> remembered = new EnumMap<>(TransferDirection.class);
    private ConflictChoice appliedToAll;

    private ConflictPolicy(ConflictChoice fixed, ConflictAsker asker) {
        this.fixed = fixed;
        this.asker = asker;
    }

    /** Asks the user for every conflict not covered by an earlier "apply to all" or remembered answer. */
    public static ConflictPolicy asking(ConflictAsker asker) {
        return new ConflictPolicy(null, Objects.requireNonNull(asker, "asker"));
    }

    /** Never asks: {@code choice} decides every conflict not covered by a remembered direction. */
    public static ConflictPolicy fixed(ConflictChoice choice) {
        return new ConflictPolicy(Objects.requireNonNull(choice, "choice"), null);
    }

    /**
     * Decides one conflict.
     *
     * @param nameExists whether a name is taken in the target directory (for RENAME)
     * @throws InterruptedException when interrupted while waiting for the user or for another question
     */
    public ConflictResolution resolve(ConflictQuestion question, Predicate<String> nameExists)
            throws InterruptedException {
        ConflictChoice choice = decide(question);
        if (choice == null) {
            return new ConflictResolution.Skip("conflict question dismissed");
        }
        return ConflictStrategies.of(choice)
                .resolve(targetName(question), question.source(), question.target(), nameExists);
    }

    /** The choice that settles this question, or null when the user dismissed it. */
    public ConflictChoice decide(ConflictQuestion question) throws InterruptedException {
        ConflictChoice known = known(question.direction());
        if (known != null) {
            return known; // no need to queue behind someone else's dialog
        }
        asking.lockInterruptibly();
        try {
            known = known(question.direction()); // an answer given while we waited may cover us
            if (known != null) {
                return known;
            }
            ConflictAnswer answer = asker.ask(question);
            if (answer == null) {
                return null;
            }
            synchronized (answers) {
                if (answer.applyToAll()) {
                    appliedToAll = answer.choice();
                }
                if (answer.rememberForDirection()) {
                    remembered.put(question.direction(), answer.choice());
                }
            }
            return answer.choice();
        } finally {
            asking.unlock();
        }
    }

    /**
     * Whether conflicts in this direction are settled as "resume" without asking (apply to all, remembered
     * or fixed), so a transfer may continue its own earlier partial where it finds one.
     */
    public boolean resumes(TransferDirection direction) {
        return known(direction) == ConflictChoice.RESUME;
    }

    private ConflictChoice known(TransferDirection direction) {
        synchronized (answers) {
            if (appliedToAll != null) {
                return appliedToAll;
            }
            ConflictChoice forDirection = remembered.get(direction);
            return forDirection != null ? forDirection : fixed;
        }
    }

    /**
     * The choice that would settle a conflict in {@code direction} without asking (the fixed default, a
     * remembered direction or an "apply to all"), e.g. to know whether the user asked to resume.
     */
    public Optional<ConflictChoice> choiceWithoutAsking(TransferDirection direction) {
        return Optional.ofNullable(known(direction));
    }

    /** Remembers a choice for a direction, e.g. from settings. */
    public void remember(TransferDirection direction, ConflictChoice choice) {
        Objects.requireNonNull(choice, "choice");
        synchronized (answers) {
            remembered.put(direction, choice);
        }
    }

    public Optional<ConflictChoice> remembered(TransferDirection direction) {
        synchronized (answers) {
            return Optional.ofNullable(remembered.get(direction));
        }
    }

    /** Forgets "apply to all" and every remembered direction, e.g. when the queue is cleared. */
    public void reset() {
        synchronized (answers) {
            remembered.clear();
            appliedToAll = null;
        }
    }

    /**
     * The target's file name. Remote paths use '/'; a download's target is a local path, which on Windows
     * may use the platform separator as well.
     */
    static String targetName(ConflictQuestion question) {
        String path = question.targetPath();
        int cut = path.lastIndexOf('/');
        if (question.direction() == TransferDirection.DOWNLOAD) {
            cut = Math.max(cut, path.lastIndexOf(File.separatorChar));
        }
        return path.substring(cut + 1);
    }
}
