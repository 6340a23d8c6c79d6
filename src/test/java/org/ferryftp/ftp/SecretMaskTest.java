package org.ferryftp.ftp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretMaskTest {

    @Test
    void commandArgumentsOfPassAndAcctAreMasked() {
        assertEquals("PASS ****", SecretMask.command("PASS hunter2"));
        assertEquals("acct ****", SecretMask.command("acct money"));
        assertEquals("USER ferry", SecretMask.command("USER ferry"));
    }

    @Test
    void textHidesCommandsOnAnyLineAndUrlPasswords() {
        assertEquals("sent:\nPASS ****\nthen USER x", SecretMask.text("sent:\nPASS hunter2 and more\nthen USER x"));
        assertEquals("get ftp://ferry:****@host:21/a.bin failed",
                SecretMask.text("get ftp://ferry:s3cr:et@host:21/a.bin failed"));
        assertEquals("ftp://host/PASSWORD.txt and ftp://u@h/", SecretMask.text("ftp://host/PASSWORD.txt and ftp://u@h/"));
    }
}
