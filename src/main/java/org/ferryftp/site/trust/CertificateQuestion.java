package org.ferryftp.site.trust;

import org.ferryftp.ftp.ServerCertificate;

/**
 * A certificate to decide about.
 *
 * @param siteName            the site as the user knows it
 * @param certificate         what the server presented
 * @param previousFingerprint the fingerprint trusted for this site before, or null when none was
 */
public record CertificateQuestion(String siteName, ServerCertificate certificate, String previousFingerprint) {

    /** True when the site had another trusted certificate: a reason for a loud warning. */
    public boolean changed() {
        return previousFingerprint != null;
    }
}
