package org.ferryftp.ftp;

/**
 * RFC 959's login state diagram (section 6): USER, then PASS when the server answers 3yz, then ACCT
 * when it answers 3yz again (332). 2yz at any step means logged in; 1yz is an error; 4yz/5yz a failure.
 */
final class LoginSequence {

    private final ControlChannel control;

    LoginSequence(ControlChannel control) {
        this.control = control;
    }

    void login(Credentials credentials) throws FtpException {
        continueAfterUser(credentials, control.exchange("USER", credentials.user()));
    }

    /** The login from USER's reply on, for a USER that went out with another command. */
    void continueAfterUser(Credentials credentials, FtpReply user) throws FtpException {
        if (user.isCompletion()) {
            return;
        }
        expectIntermediate("USER " + credentials.user(), user);
        if (user.code() == 332) {
            // Some servers want the account straight after USER.
            sendAccount(credentials, user);
            return;
        }
        if (credentials.password() == null) {
            throw new FtpRefusedException("the server asks for a password for " + credentials.user()
                    + " but none is set", "USER", user);
        }
        FtpReply pass = control.exchange("PASS", credentials.password());
        if (pass.isCompletion()) {
            return;
        }
        expectIntermediate("PASS", pass);
        sendAccount(credentials, pass);
    }

    private void sendAccount(Credentials credentials, FtpReply asked) throws FtpException {
        if (credentials.account() == null) {
            throw new FtpRefusedException("the server asks for an account (ACCT) for " + credentials.user()
                    + " but none is set: " + asked.oneLine(), "ACCT", asked);
        }
        FtpReply acct = control.exchange("ACCT", credentials.account());
        if (acct.isCompletion()) {
            return;
        }
        if (acct.isNegative()) {
            throw new FtpRefusedException("login failed: the server refused the account: " + acct.oneLine(),
                    "ACCT", acct);
        }
        throw new FtpProtocolException("unexpected reply to ACCT: " + acct.oneLine());
    }

    private static void expectIntermediate(String command, FtpReply reply) throws FtpException {
        if (reply.isNegative()) {
            String what = command.startsWith("PASS") ? "the password was not accepted"
                    : "the user name was not accepted";
            throw new FtpRefusedException("login failed: " + what + ": " + reply.oneLine(),
                    command.startsWith("PASS") ? "PASS" : command, reply);
        }
        if (!reply.isIntermediate()) {
            throw new FtpProtocolException("unexpected reply to " + (command.startsWith("PASS") ? "PASS" : command)
                    + " during login: " + reply.oneLine());
        }
    }
}
