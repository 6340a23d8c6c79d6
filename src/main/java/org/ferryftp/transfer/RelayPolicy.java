package org.ferryftp.transfer;

/** Whether a site-to-site copy may pass through Ferry when the servers refuse to talk directly. */
public enum RelayPolicy {
    /** Never: a refused FXP fails with the servers' explanation. */
    NEVER,
    /** Relay through Ferry after FXP was refused both ways. */
    FALLBACK,
    /** Like {@link #FALLBACK}, but ask the user first ({@link RelayAsker}). */
    ASK,
    /** Always relay; never try FXP (for sites known to refuse it). */
    ALWAYS
}
