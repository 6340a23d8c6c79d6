package org.ferryftp.site.trust;

import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.ServerCertificate;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Trust for one site's connections: certificates the user trusted for this site pass; anything else
 * is put to the user, with a loud warning when the site had trusted another certificate before.
 * A changed certificate is never accepted silently.
 */
public final class SiteCertificateTrust implements CertificateTrust {

    private final String siteId;
    private final String siteName;
    private final TrustedCertificates store;
    private final CertificatePrompt prompt;
    private final Consumer<String> problems;

    /**
     * @param problems receives messages for the log (e.g. a trust decision that could not be saved)
     */
    public SiteCertificateTrust(String siteId, String siteName, TrustedCertificates store, CertificatePrompt prompt,
                                Consumer<String> problems) {
        this.siteId = siteId;
        this.siteName = siteName;
        this.store = store;
        this.prompt = prompt;
        this.problems = problems;
    }

    @Override
    public boolean accept(ServerCertificate certificate) {
        if (store.isTrusted(siteId, certificate.sha256())) {
            return true;
        }
        String previous = store.trusted(siteId).orElse(null);
        TrustDecision decision;
        // One question at a time: a pool opening several connections must not stack up dialogs.
        synchronized (store.questionLock()) {
            if (store.isTrusted(siteId, certificate.sha256())) {
                return true;
            }
            try {
                decision = prompt.ask(new CertificateQuestion(siteName, certificate, previous));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            switch (decision) {
                case TRUST_ONCE -> store.trustOnce(siteId, certificate.sha256());
                case TRUST_ALWAYS -> {
                    try {
                        store.trustAlways(siteId, certificate.sha256());
                    } catch (IOException e) {
                        store.trustOnce(siteId, certificate.sha256());
                        problems.accept("could not save the trusted certificate for " + siteName + ": "
                                + e.getMessage() + "; it is trusted until Ferry exits");
                    }
                }
                case REJECT -> {
                    return false;
                }
            }
        }
        return true;
    }
}
