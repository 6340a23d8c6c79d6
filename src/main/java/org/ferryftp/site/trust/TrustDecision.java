package org.ferryftp.site.trust;

/** What the user decided about a certificate the trust store does not vouch for. */
public enum TrustDecision {
    /** Accept it until Ferry exits. */
    TRUST_ONCE,
    /** Accept it now and remember it for this site. */
    TRUST_ALWAYS,
    /** Do not connect. */
    REJECT
}
