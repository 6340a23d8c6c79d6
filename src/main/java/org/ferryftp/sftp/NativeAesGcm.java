package org.ferryftp.sftp;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BaseGCMCipher;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.signature.SignatureECDSA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * AES-GCM for the SSH transport from the Amazon Corretto Crypto Provider (AWS-LC, of OpenSSL's lineage), where its
 * native library loads: Linux on x86_64. The JDK's own GCM runs as plain Java until the optimising compiler has
 * seen thousands of packets, and never fast under the command line's quick compiler, where this one decrypts
 * 64 MiB in tens of milliseconds from the first packet.
 *
 * <p>Installing the provider would not reach MINA: MINA asks its SunJCE registrar, ahead of the JCA's provider
 * order, for every cipher. So the factories here hand MINA ciphers built on this provider, and nothing else in the
 * application (TLS, the vault) changes. Loading the library takes a few hundred milliseconds, so it starts in the
 * background as a command that will connect starts, or else as the first SSH client is set up ({@link #preload()}),
 * and overlaps the start-up, the connection and the key exchange;
 * a cipher waits for it only at the first new keys. Where it does not load or fails its check, the JDK's
 * cipher is used.
 */
final class NativeAesGcm {

    private static final Logger LOG = LoggerFactory.getLogger(NativeAesGcm.class);
    private static final String LIBRARY = "com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so";
    /**
     * A directory on {@code java.library.path} where the provider's library is kept unpacked (packaging/ferry gives
     * one in the user's cache). The provider otherwise copies its 9.6 MB library out of the jar into a new temporary
     * directory at every start, through interpreted code: ~0.13 s of CPU per SFTP run.
     */
    static final String LIBRARY_DIR = "ferry.nativeLibraryDir";
    /** The provider's own switch: load the library with {@code System.loadLibrary} instead of from its jar. */
    static final String EXTERNAL_LIBRARY = "com.amazon.corretto.crypto.provider.useExternalLib";

    private static CompletableFuture<Optional<Provider>> loading;

    private NativeAesGcm() {
    }

    /** Whether this platform can have it: the library is bundled for Linux on x86_64 only. */
    static boolean bundledForThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))
                && NativeAesGcm.class.getClassLoader().getResource(LIBRARY) != null;
    }

    /** Starts loading the provider in the background, once; later calls do nothing. */
    static synchronized void preload() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(NativeAesGcm::load,
                    r -> { Thread t = new Thread(r, "ferry-native-aes"); t.setDaemon(true); t.start(); });
        }
    }

    /** The working provider, waiting for it to load; empty where it does not. */
    static Optional<Provider> provider() {
        preload();
        return loading.join();
    }

    private static Optional<Provider> load() {
        if (!bundledForThisPlatform()) {
            return Optional.empty();
        }
        String dir = System.getProperty(LIBRARY_DIR);
        if (dir != null && onLibraryPath(dir)) {
            try {
                unpackedOnce(Path.of(dir));
                System.setProperty(EXTERNAL_LIBRARY, "true"); // read when the provider's class initialises, below
            } catch (IOException | RuntimeException e) {
                LOG.info("native AES-GCM's library not kept in {}, unpacked from the jar: {}", dir, e.toString());
            }
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                LOG.info("native AES-GCM unavailable, using the JDK's: {}", accp.getLoadingError().toString());
                return Optional.empty();
            }
            knownAnswer(accp);
            return Optional.of(accp);
        } catch (Exception | LinkageError e) {
            LOG.info("native AES-GCM unavailable, using the JDK's: {}", e.toString());
            return Optional.empty();
        }
    }

    private static boolean onLibraryPath(String dir) {
        return List.of(System.getProperty("java.library.path", "").split(File.pathSeparator)).contains(dir);
    }

    /**
     * The provider's library in {@code dir}, unpacked from the jar unless a copy of its size is there already. The
     * directory belongs to one jar (the launcher names it after the jar's size and time), so a copy of the right
     * size is that jar's; a partial one never appears under the name (written aside, then moved). The provider
     * checks that the library is its own version when it loads it.
     */
    static Path unpackedOnce(Path dir) throws IOException {
        URL resource = NativeAesGcm.class.getClassLoader().getResource(LIBRARY);
        if (resource == null) {
            throw new IOException("the jar holds no " + LIBRARY);
        }
        URLConnection entry = resource.openConnection();
        long size = entry.getContentLengthLong();
        Path library = dir.resolve(System.mapLibraryName("amazonCorrettoCryptoProvider"));
        if (size > 0 && Files.isRegularFile(library) && Files.size(library) == size) {
            return library;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, "accp-", ".part");
        try (InputStream in = entry.getInputStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return library;
    }

    /** NIST's GCM test case 2 (zero key and nonce, one zero block) must encrypt as published, and decrypt in place. */
    private static void knownAnswer(Provider provider) throws Exception {
        byte[] expected = HexFormat.of().parseHex("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf");
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        GCMParameterSpec nonce = new GCMParameterSpec(128, new byte[12]);
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", provider);
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, key, nonce);
        byte[] sealed = c.doFinal(new byte[16]);
        boolean encrypted = Arrays.equals(expected, sealed);
        c.init(javax.crypto.Cipher.DECRYPT_MODE, key, nonce);
        int n = c.doFinal(sealed, 0, sealed.length, sealed, 0);
        if (!encrypted || n != 16 || !Arrays.equals(new byte[16], Arrays.copyOf(sealed, 16))) {
            throw new IllegalStateException("AES-GCM known-answer test failed");
        }
    }

    /** MINA's factory for this GCM cipher ({@code aes128-gcm@openssh.com} or {@code aes256-gcm@openssh.com}). */
    static NamedFactory<Cipher> factory(BuiltinCiphers gcm) {
        return new GcmFactory(gcm);
    }

    private record GcmFactory(BuiltinCiphers gcm) implements NamedFactory<Cipher> {
        @Override
        public String getName() {
            return gcm.getName();
        }

        @Override
        public Cipher create() {
            return new Gcm(gcm);
        }
    }

    /**
     * MINA's ECDSA signature ({@code ecdsa-sha2-nistp256}, {@code -nistp384}, {@code -nistp521}), checked with the
     * provider's native ECDSA where it loaded. The server's host key is usually ECDSA, and a cold JVM checks its
     * signature in the interpreter and the quick compiler: on JDK 25 the P-256 arithmetic was the costliest Java
     * code of a whole 64 MiB get (perf), and a 1 KiB get took 0.07-0.13 s less CPU with the native check (two
     * series of 9 interleaved runs; JDK 17 showed no difference). Only checking goes native; signing (a user's
     * ECDSA key) stays with the JDK.
     */
    static NamedFactory<Signature> ecdsa(String sshName, String jcaAlgorithm) {
        return new EcdsaFactory(sshName, jcaAlgorithm);
    }

    private record EcdsaFactory(String sshName, String jcaAlgorithm) implements NamedFactory<Signature> {
        @Override
        public String getName() {
            return sshName;
        }

        @Override
        public Signature create() {
            return new Ecdsa(jcaAlgorithm, sshName);
        }
    }

    /** MINA's ECDSA (its signature encoding), verifying on this provider where it loaded. */
    static final class Ecdsa extends SignatureECDSA {
        Ecdsa(String jcaAlgorithm, String sshName) {
            super(jcaAlgorithm, sshName);
        }

        @Override
        protected java.security.Signature doInitSignature(SessionContext session, String algo, Key key,
                boolean forSigning) throws GeneralSecurityException {
            Optional<Provider> nativeProvider = forSigning ? Optional.empty() : provider();
            return nativeProvider.isPresent() ? java.security.Signature.getInstance(algo, nativeProvider.get())
                    : super.doInitSignature(session, algo, key, forSigning);
        }

        /** The JCA provider this signature verifies or signs with, once initialised. */
        Provider jcaProvider() {
            return getSignature().getProvider();
        }
    }

    /** MINA's GCM cipher (its counter nonce, tag handling), on this provider's AES-GCM where that loaded. */
    static final class Gcm extends BaseGCMCipher {
        Gcm(BuiltinCiphers like) {
            super(like.getIVSize(), like.getAuthenticationTagSize(), like.getKdfSize(), like.getAlgorithm(),
                    like.getKeySize(), like.getTransformation(), like.getCipherBlockSize());
        }

        @Override
        protected javax.crypto.Cipher createCipherInstance(Mode mode, byte[] key, byte[] iv) throws Exception {
            javax.crypto.Cipher jdk = super.createCipherInstance(mode, key, iv); // sets MINA's key and nonce state
            Optional<Provider> nativeProvider = provider();
            return nativeProvider.isPresent() ? javax.crypto.Cipher.getInstance(getTransformation(), nativeProvider.get())
                    : jdk;
        }

        /** The JCA provider this cipher encrypts or decrypts with, once initialised. */
        Provider jcaProvider() {
            return getCipherInstance().getProvider();
        }
    }
}
