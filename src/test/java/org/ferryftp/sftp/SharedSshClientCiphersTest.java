package org.ferryftp.sftp;

import org.apache.sshd.common.NamedResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharedSshClientCiphersTest {

    private static List<String> names(List<String> jvmArguments) {
        return SharedSshClient.ciphers(jvmArguments).stream().map(NamedResource::getName).toList();
    }

    @Test
    void theOptimisingCompilerGetsAesGcmFirst() {
        assertEquals("aes128-gcm@openssh.com", names(List.of("-Xmx1g")).get(0));
    }

    @Test
    void theQuickCompilerAloneKeepsChaCha20First() {
        assertEquals("chacha20-poly1305@openssh.com", names(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")).get(0));
    }

    @Test
    void bothOrdersOfferTheSameCiphers() {
        assertEquals(names(List.of()).stream().sorted().toList(),
                names(List.of("-XX:TieredStopAtLevel=1")).stream().sorted().toList());
    }
}
