package org.ferryftp.site;

/** Whether a site-to-site copy may pass through Ferry when the servers refuse to talk directly. */
public enum FxpRelay {
    /** Never relay: a refused FXP fails with the servers' explanation. */
    NEVER,
    /** Ask the user before relaying. */
    ASK,
    /** Always relay through Ferry; never try FXP. */
    ALWAYS
}
