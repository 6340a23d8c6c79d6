package org.ferryftp.site.trust;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.ferryftp.sftp.HostKeyVerdict;
import org.ferryftp.sftp.KnownHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostKeyTrustTest {

    @TempDir
    Path dir;

    private static PublicKey newKey() throws Exception {
        return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256).getPublic();
    }

    @Test
    void trustAlwaysWritesFerrysOwnFileSoTheNextConnectionIsNotAsked() throws Exception {
        Path userFile = dir.resolve("ssh/known_hosts");
        KnownHosts known = new KnownHosts(List.of(userFile), dir.resolve("ferry/known_hosts"));
        List<HostKeyQuestion> asked = new ArrayList<>();
        HostKeyTrust trust = new HostKeyTrust(known, q -> {
            asked.add(q);
            return TrustDecision.TRUST_ALWAYS;
        }, p -> { });
        PublicKey key = newKey();
        HostKeyVerdict first = known.check("sftp.example.org", 2222, key);

        assertTrue(trust.accept("sftp.example.org", 2222, key, first));
        HostKeyQuestion q = asked.get(0);
        assertEquals("sftp.example.org:2222", q.where());
        assertEquals("ecdsa-sha2-nistp256", q.keyType());
        assertEquals(KnownHosts.fingerprint(key), q.fingerprint());
        assertTrue(q.fingerprint().startsWith("SHA256:"), q.fingerprint());
        assertFalse(q.changed());
        assertInstanceOf(HostKeyVerdict.Known.class, known.check("sftp.example.org", 2222, key));
        assertTrue(Files.readString(dir.resolve("ferry/known_hosts")).startsWith("[sftp.example.org]:2222 "));
        assertFalse(Files.exists(userFile), "the user's own known_hosts is never written");
    }

    @Test
    void aChangedKeyIsAskedAsAChangeWithTheRecordedFingerprintAndRefusedOnCancel() throws Exception {
        KnownHosts known = new KnownHosts(List.of(), dir.resolve("known_hosts"));
        PublicKey old = newKey();
        known.trust("box", 22, old);
        PublicKey now = newKey();
        AtomicReference<HostKeyQuestion> asked = new AtomicReference<>();
        HostKeyTrust trust = new HostKeyTrust(known, q -> {
            asked.set(q);
            return TrustDecision.REJECT;
        }, p -> { });

        assertFalse(trust.accept("box", 22, now, known.check("box", 22, now)));
        assertTrue(asked.get().changed());
        assertEquals(KnownHosts.fingerprint(old), asked.get().recordedFingerprint());
        assertEquals("box", asked.get().where());
        assertInstanceOf(HostKeyVerdict.Changed.class, known.check("box", 22, now), "a refused key is not recorded");
    }

    /** The window's policy with a user who answers "trust once", noting each question in {@code asked}. */
    private static HostKeyTrust trustingOnce(KnownHosts known, List<HostKeyQuestion> asked) {
        return new HostKeyTrust(known, q -> {
            asked.add(q);
            return TrustDecision.TRUST_ONCE;
        }, p -> { });
    }

    @Test
    void trustOnceAsksOnceThisRunAndWritesNothing() throws Exception {
        KnownHosts known = new KnownHosts(List.of(), dir.resolve("known_hosts"));
        List<HostKeyQuestion> asked = new ArrayList<>();
        HostKeyTrust trust = trustingOnce(known, asked);
        PublicKey key = newKey();
        assertTrue(trust.accept("box", 22, key, known.check("box", 22, key)));
        assertTrue(trust.accept("box", 22, key, known.check("box", 22, key)));
        assertEquals(1, asked.size());
        assertFalse(Files.exists(dir.resolve("known_hosts")));
        PublicKey other = newKey();
        trust.accept("box", 22, other, known.check("box", 22, other));
        assertEquals(2, asked.size(), "trusting one key once does not trust another");
    }

    /** Asked on MINA's network thread, so it must answer without a question, and only what accept would answer. */
    @Test
    void aKeyTrustedOnceIsAnsweredWithoutAskingOthersAreLeftToTheQuestion() throws Exception {
        KnownHosts known = new KnownHosts(List.of(), dir.resolve("known_hosts"));
        List<HostKeyQuestion> asked = new ArrayList<>();
        HostKeyTrust trust = trustingOnce(known, asked);
        PublicKey key = newKey();
        assertEquals(Optional.empty(), trust.answerWithoutAsking("box", 22, key, known.check("box", 22, key)));
        assertTrue(trust.accept("box", 22, key, known.check("box", 22, key)));
        assertEquals(Optional.of(true), trust.answerWithoutAsking("box", 22, key, known.check("box", 22, key)));
        PublicKey other = newKey();
        assertEquals(Optional.empty(), trust.answerWithoutAsking("box", 22, other, known.check("box", 22, other)));
        assertEquals(Optional.empty(), trust.answerWithoutAsking("box", 2222, key, known.check("box", 2222, key)));
        assertEquals(1, asked.size(), "answering without asking asks nobody");
    }

    @Test
    void aKeyThatCannotBeSavedIsTrustedForThisRunAndTheProblemReported() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        KnownHosts known = new KnownHosts(List.of(), blocker.resolve("known_hosts"));
        List<String> problems = new ArrayList<>();
        HostKeyTrust trust = new HostKeyTrust(known, q -> TrustDecision.TRUST_ALWAYS, problems::add);
        PublicKey key = newKey();
        assertTrue(trust.accept("box", 22, key, new HostKeyVerdict.Unknown(KnownHosts.fingerprint(key))));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains(KnownHosts.fingerprint(key)), problems.get(0));
    }
}
