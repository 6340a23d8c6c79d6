package org.ferryftp.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Fuzzes {@link FtpUrl#parse}: any text either parses or is refused with an IllegalArgumentException
 * whose message is one line, and a password in the URL never appears in that message nor in
 * {@link FtpUrl#display()}.
 */
class FtpUrlFuzzTest {

    private static final String SECRET = "Pw9sEcReTq";
    private static final String[] SCHEMES = {"ftp", "ftps", "ftpes", "FTP", "http", ""};

    @FuzzTest
    void anyText(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString(), null);
    }

    /** {@code scheme://user:SECRET@rest}, the rest fuzzed: the secret must never be echoed. */
    @FuzzTest
    void urlWithPassword(FuzzedDataProvider data) {
        String scheme = data.pickValue(SCHEMES);
        String user = data.consumeString(40);
        if (user.contains("/") || user.contains("@") || user.contains(":") || user.contains(SECRET)) {
            return; // the secret would not be the password
        }
        String rest = data.consumeRemainingAsString();
        if (rest.contains(SECRET)) {
            return; // the secret is then also the host or the path, which messages may show
        }
        String text = scheme + "://" + user + ":" + SECRET + "@" + rest;
        check(text, SECRET);
    }

    private static void check(String text, String secret) {
        FtpUrl url;
        try {
            url = FtpUrl.parse(text);
        } catch (IllegalArgumentException documented) {
            String message = documented.getMessage();
            assertFalse(message.contains("\n") || message.contains("\r"), "not one line: " + message);
            if (secret != null) {
                assertFalse(message.contains(secret), "the message shows the password: " + message);
            }
            return;
        }
        if (secret != null) {
            assertFalse(url.display().contains(secret), "display() shows the password: " + url.display());
        }
    }
}
