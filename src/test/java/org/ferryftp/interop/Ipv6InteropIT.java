package org.ferryftp.interop;

import org.ferryftp.cli.CliRun;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line against vsftpd listening on {@code ::1} only: browse, get, put, resume, active mode and FTPS. */
class Ipv6InteropIT {

    @TempDir
    Path local;
    String plain;
    String ftps;
    Path root;
    Path ftpsRoot;
    String dir;
    final CliRun cli = new CliRun();

    @BeforeEach
    void server() {
        Map<String, String> env = System.getenv();
        if (env.get("FERRY_VSFTPD_IPV6_HOST") == null) {
            if ("required".equals(env.get("FERRY_INTEROP"))) {
                Assertions.fail("FERRY_INTEROP=required but FERRY_VSFTPD_IPV6_HOST is not set: rerun .ci/vsftpd.sh");
            }
            Assumptions.abort("IPv6 interop tests need .ci/vsftpd.sh (set FERRY_INTEROP=required to enforce)");
        }
        String auth = env.get("FERRY_VSFTPD_USER") + ":" + env.get("FERRY_VSFTPD_PASSWORD") + "@["
                + env.get("FERRY_VSFTPD_IPV6_HOST") + "]:";
        plain = "ftp://" + auth + env.get("FERRY_VSFTPD_IPV6_PORT");
        ftps = "ftpes://" + auth + env.get("FERRY_VSFTPD_IPV6_FTPS_PORT");
        root = Path.of(env.get("FERRY_VSFTPD_IPV6_ROOT"));
        ftpsRoot = Path.of(env.get("FERRY_VSFTPD_IPV6_FTPS_ROOT"));
        dir = "v6-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    int ferry(String... args) {
        cli.env = System.getenv();
        return cli.ferry(args);
    }

    String err() {
        return cli.err();
    }

    @Test
    void fxpOverIpv6UsesEpsvAndEprtWithoutRelaying() throws Exception {
        byte[] data = new byte[1_500_007];
        new Random(66).nextBytes(data);
        Path file = Files.write(local.resolve("fxp.bin"), data);
        assertEquals(0, ferry("mkdir", plain + "/" + dir), err());
        assertEquals(0, ferry("put", file.toString(), plain + "/" + dir + "/fxp.bin"), err());
        // Two sessions to the same vsftpd on ::1: one listens (EPSV), the other connects (EPRT |2|::1|...|).
        assertEquals(0, ferry("fxp", "--relay", "never", "--log", plain + "/" + dir + "/fxp.bin",
                plain + "/" + dir + "/copy.bin"), err());
        assertArrayEquals(data, Files.readAllBytes(root.resolve(dir).resolve("copy.bin")));
        assertTrue(err().contains("EPRT |2|"), err());
        assertEquals(0, ferry("rm", "-r", plain + "/" + dir), err());
    }

    @Test
    void browseGetPutResumeAndActiveModeOverIpv6() throws Exception {
        byte[] data = new byte[2_000_003];
        new Random(6).nextBytes(data);
        Path file = Files.write(local.resolve("up.bin"), data);
        assertEquals(0, ferry("mkdir", plain + "/" + dir), err());
        assertEquals(0, ferry("put", file.toString(), plain + "/" + dir + "/up.bin"), err());
        assertArrayEquals(data, Files.readAllBytes(root.resolve(dir).resolve("up.bin")));
        assertEquals(0, ferry("ls", plain + "/" + dir + "/"), err());
        assertTrue(cli.out().contains("up.bin"), cli.out());
        assertEquals(0, ferry("ls", "--active", plain + "/" + dir + "/"), err());
        assertTrue(cli.out().contains("up.bin"));

        // A partial of the first 700,000 bytes, continued with REST.
        Path back = local.resolve("back.bin");
        Files.write(local.resolve("back.bin.ferry-part"), java.util.Arrays.copyOf(data, 700_000));
        assertEquals(0, ferry("get", "--resume", plain + "/" + dir + "/up.bin", "-o", back.toString()), err());
        assertArrayEquals(data, Files.readAllBytes(back));
        assertEquals(0, ferry("get", "--active", "--on-conflict", "overwrite", plain + "/" + dir + "/up.bin", "-o",
                back.toString()), err());
        assertArrayEquals(data, Files.readAllBytes(back));
        assertEquals(0, ferry("rm", "-r", plain + "/" + dir), err());
    }

    @Test
    void explicitFtpsOverIpv6() throws Exception {
        byte[] data = "over TLS and IPv6\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(local.resolve("tls.txt"), data);
        String fingerprint = System.getenv("FERRY_VSFTPD_TLS_FINGERPRINT");
        assertEquals(0, ferry("put", "--trust-fingerprint", fingerprint, file.toString(), ftps + "/" + dir + ".txt"),
                err());
        assertArrayEquals(data, Files.readAllBytes(ftpsRoot.resolve(dir + ".txt")));
        assertEquals(0, ferry("get", "--trust-fingerprint", fingerprint, ftps + "/" + dir + ".txt", "-o",
                local.resolve("tls-back.txt").toString()), err());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("tls-back.txt")));
        assertEquals(0, ferry("rm", "--trust-fingerprint", fingerprint, ftps + "/" + dir + ".txt"), err());
    }
}
