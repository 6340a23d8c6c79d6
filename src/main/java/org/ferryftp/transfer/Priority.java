package org.ferryftp.transfer;

/** Five priority levels, as in FileZilla; higher runs first. */
public enum Priority {
    LOWEST,
    LOW,
    NORMAL,
    HIGH,
    HIGHEST
}
