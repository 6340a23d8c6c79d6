package org.ferryftp.site.trust;

/** Asks the user about an SSH host key; called on the connecting (worker) thread, which waits. */
@FunctionalInterface
public interface HostKeyPrompt {

    /** Never asks: every key the known-hosts files do not hold is refused. */
    HostKeyPrompt REFUSE = question -> TrustDecision.REJECT;

    TrustDecision ask(HostKeyQuestion question) throws InterruptedException;
}
