package org.ferryftp.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** curl's --noproxy / NO_PROXY matching. */
class NoProxyTest {

    @Test
    void namesMatchThemselvesAndTheirSubdomainsAddressesOnlyThemselves() {
        NoProxy list = NoProxy.parse(" example.com, .corp.example.org ,127.0.0.1,[::1]");
        assertTrue(list.bypasses("example.com"));
        assertTrue(list.bypasses("FTP.Example.com."));
        assertFalse(list.bypasses("notexample.com"));
        assertTrue(list.bypasses("corp.example.org"));
        assertTrue(list.bypasses("ftp.corp.example.org"));
        assertTrue(list.bypasses("127.0.0.1"));
        assertFalse(list.bypasses("10.127.0.0.1"));
        assertTrue(list.bypasses("::1"));
        assertFalse(list.bypasses("::2"));
        assertTrue(NoProxy.parse("*").bypasses("anything.example"));
        assertFalse(NoProxy.parse("").bypasses("example.com"));
    }

    @Test
    void theOptionWinsOverTheEnvironmentAsInCurl() {
        assertTrue(NoProxy.of(null, Map.of("NO_PROXY", "example.com")).bypasses("example.com"));
        assertTrue(NoProxy.of(null, Map.of("no_proxy", "example.com")).bypasses("example.com"));
        assertFalse(NoProxy.of("other.org", Map.of("NO_PROXY", "example.com")).bypasses("example.com"));
        assertFalse(NoProxy.of(null, Map.of()).bypasses("example.com"));
    }
}
