package org.ferryftp.session;

/**
 * A session feature: a command the user types (FTP's SITE commands and others Ferry has no button for), sent as it is
 * on the session's command channel. Commands that would open a data connection or change what the session relies
 * on (login, TLS, representation, working directory) are refused before anything is sent.
 */
public interface RawCommands {

    /** Sends {@code commandLine} and returns the server's reply, every line; a refusal is returned, not thrown. */
    String send(String commandLine) throws SessionException;
}
