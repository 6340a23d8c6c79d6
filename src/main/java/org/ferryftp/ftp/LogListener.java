package org.ferryftp.ftp;

/** Receives the control dialogue of sessions. Called on the session's thread: hand off, don't block. */
@FunctionalInterface
public interface LogListener {

    LogListener NONE = entry -> { };

    void log(LogEntry entry);
}
