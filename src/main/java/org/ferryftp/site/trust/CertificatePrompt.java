package org.ferryftp.site.trust;

/** Asks the user about a certificate; called on the connecting (worker) thread, which waits. */
@FunctionalInterface
public interface CertificatePrompt {

    /** Never asks: every unknown certificate is refused. For the command line and tests. */
    CertificatePrompt REFUSE = question -> TrustDecision.REJECT;

    TrustDecision ask(CertificateQuestion question) throws InterruptedException;
}
