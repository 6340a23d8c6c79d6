package org.ferryftp.interop;

import org.ferryftp.cli.CliRun;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line through the real proxies of {@code .ci/proxies.sh} (Dante, tinyproxy) to the CI's vsftpd:
 * control and data connections both go through the proxy; FTPS works as without one; refusals are the proxy's.
 */
class ProxyCliInteropIT {

    @TempDir
    Path local;
    Map<String, String> env;
    VsftpdServer server;
    String url;
    String dir;
    final CliRun cli = new CliRun();

    @BeforeEach
    void servers() {
        env = System.getenv();
        server = VsftpdServer.fromEnvironment();
        if (env.get("FERRY_PROXY_SOCKS5") == null) {
            if ("required".equals(env.get("FERRY_INTEROP"))) {
                Assertions.fail("FERRY_INTEROP=required but FERRY_PROXY_SOCKS5 is not set: run .ci/proxies.sh");
            }
            Assumptions.abort("proxy interop tests need .ci/proxies.sh");
        }
        url = "ftp://" + server.user() + ":" + server.password() + "@" + server.host() + ":" + server.port();
        dir = "proxy-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    int ferry(Map<String, String> vars, String... args) {
        cli.env = vars;
        return cli.ferry(args);
    }

    String err() {
        return cli.err();
    }

    /** put, ls and get of a 3 MB file through {@code proxy}; byte-identical on the server and back. */
    void roundTrip(String proxy, Map<String, String> vars) throws Exception {
        byte[] data = new byte[3_000_001];
        new Random(proxy.hashCode()).nextBytes(data);
        Path file = Files.write(local.resolve("up.bin"), data);
        String name = dir + "-" + Math.abs(proxy.hashCode()) + ".bin";
        assertEquals(0, ferry(vars, "put", "--proxy", proxy, file.toString(), url + "/" + name), err());
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve(name)));
        assertEquals(0, ferry(vars, "ls", "--proxy", proxy, url + "/"), err());
        assertTrue(cli.out().contains(name));
        Path back = local.resolve("back-" + name);
        assertEquals(0, ferry(vars, "get", "--proxy", proxy, url + "/" + name, "-o", back.toString()), err());
        assertArrayEquals(data, Files.readAllBytes(back));
        assertEquals(0, ferry(vars, "rm", "--proxy", proxy, url + "/" + name), err());
    }

    @Test
    void socks5WithAndWithoutALoginAndHttpConnect() throws Exception {
        roundTrip("socks5://" + env.get("FERRY_PROXY_SOCKS5"), Map.of());
        roundTrip("socks5://" + env.get("FERRY_PROXY_SOCKS5_USER") + "@" + env.get("FERRY_PROXY_SOCKS5_AUTH"),
                Map.of("FERRY_PROXY_PASSWORD", env.get("FERRY_PROXY_SOCKS5_PASSWORD")));
        roundTrip("http://" + env.get("FERRY_PROXY_HTTP_USER") + "@" + env.get("FERRY_PROXY_HTTP"),
                Map.of("FERRY_PROXY_PASSWORD", env.get("FERRY_PROXY_HTTP_PASSWORD")));
    }

    @Test
    void ftpsThroughAProxyReusesItsTlsSessionAsWithout() throws Exception {
        VsftpdServer ftps = VsftpdServer.ftps(false);
        String tls = "ftpes://" + ftps.user() + ":" + ftps.password() + "@" + ftps.host() + ":" + ftps.port();
        byte[] data = "TLS through SOCKS5\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(local.resolve("tls.txt"), data);
        String proxy = "socks5://" + env.get("FERRY_PROXY_SOCKS5");
        String fp = VsftpdServer.tlsFingerprint();
        assertEquals(0, ferry(Map.of(), "put", "--proxy", proxy, "--trust-fingerprint", fp, file.toString(),
                tls + "/" + dir + ".txt"), err());
        assertArrayEquals(data, Files.readAllBytes(ftps.root().resolve(dir + ".txt")));
        assertEquals(0, ferry(Map.of(), "get", "--proxy", proxy, "--trust-fingerprint", fp, tls + "/" + dir + ".txt",
                "-o", local.resolve("tls-back.txt").toString()), err());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("tls-back.txt")));
    }

    @Test
    void aProxyThatDropsTheDataConnectionIsRetriedAndResumed() throws Exception {
        byte[] data = new byte[4_000_000];
        new Random(9).nextBytes(data);
        String name = dir + "-dropped.bin";
        Files.write(server.root().resolve(name), data);
        String socks = env.get("FERRY_PROXY_SOCKS5");
        int colon = socks.lastIndexOf(':');
        // Between Ferry and Dante: the first tunnel to carry 1.5 MB to Ferry (the download's) is cut.
        try (FaultProxy dropping = FaultProxy.controlOnly(new java.net.InetSocketAddress(socks.substring(0, colon),
                Integer.parseInt(socks.substring(colon + 1))), Fault.cut(Fault.Channel.CONTROL,
                Fault.Direction.TO_CLIENT, 1_500_000, false))) {
            Path back = local.resolve("dropped.bin");
            assertEquals(0, ferry(Map.of(), "get", "--proxy", "socks5://" + dropping.host() + ":" + dropping.port(),
                    url + "/" + name, "-o", back.toString()), err());
            assertTrue(dropping.fired(), "the tunnel was cut");
            assertArrayEquals(data, Files.readAllBytes(back));
        } finally {
            Files.deleteIfExists(server.root().resolve(name));
        }
    }

    @Test
    void aSavedSiteGoesThroughItsProxyWithThePasswordFromTheVault() throws Exception {
        Path config = java.nio.file.Files.createDirectories(local.resolve("config"));
        Map<String, String> vars = CliRun.vaultEnv(config, "master of proxies");
        String socks = env.get("FERRY_PROXY_SOCKS5_AUTH");
        int colon = socks.lastIndexOf(':');
        org.ferryftp.site.SiteProfile site = org.ferryftp.site.SiteProfile.builder("behind", "Behind", server.host())
                .port(server.port()).user(server.user())
                .proxy(new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS5,
                        socks.substring(0, colon), Integer.parseInt(socks.substring(colon + 1)),
                        env.get("FERRY_PROXY_SOCKS5_USER"))).build();
        new org.ferryftp.site.store.SiteStore(config, java.time.Clock.systemUTC()).save(java.util.List.of(site));
        var vault = new org.ferryftp.site.vault.VaultCredentialStore(config,
                org.ferryftp.site.vault.EnvironmentMasterPassword.from(vars).orElseThrow());
        vault.put(org.ferryftp.site.SiteSessions.credentialKey(site), server.password());
        vault.put(org.ferryftp.site.SiteSessions.proxyCredentialKey(site), env.get("FERRY_PROXY_SOCKS5_PASSWORD"));
        byte[] data = "saved site, SOCKS5 login from the vault".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(local.resolve("site.txt"), data);
        assertEquals(0, ferry(vars, "put", file.toString(), "site:Behind/" + dir + "-site.txt"), err());
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve(dir + "-site.txt")));
        assertEquals(0, ferry(vars, "rm", "site:Behind/" + dir + "-site.txt"), err());
        // Proof that it went through the proxy: with a wrong proxy password in the vault it is refused.
        vault.put(org.ferryftp.site.SiteSessions.proxyCredentialKey(site), "wrong");
        assertEquals(1, ferry(vars, "ls", "site:Behind/"));
        assertTrue(err().contains("refused the user name or password"), err());
    }

    @Test
    void theDefaultProxyOfThePreferencesCarriesUrlsAndDefaultSitesUnlessNoproxySaysOtherwise() throws Exception {
        Path config = Files.createDirectories(local.resolve("config-default"));
        Map<String, String> vars = CliRun.vaultEnv(config, "master of the default proxy");
        String socks = env.get("FERRY_PROXY_SOCKS5_AUTH");
        int colon = socks.lastIndexOf(':');
        org.ferryftp.site.SiteProxy proxy = new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS5,
                socks.substring(0, colon), Integer.parseInt(socks.substring(colon + 1)),
                env.get("FERRY_PROXY_SOCKS5_USER"));
        new org.ferryftp.site.PreferencesStore(config).save(
                org.ferryftp.site.Preferences.DEFAULTS.withDefaultProxy(proxy));
        org.ferryftp.site.SiteProfile viaDefault = org.ferryftp.site.SiteProfile.builder("via", "ViaDefault",
                server.host()).port(server.port()).user(server.user()).proxyUse(org.ferryftp.site.ProxyUse.DEFAULT)
                .build();
        org.ferryftp.site.SiteProfile direct = viaDefault.toBuilder().id("direct").name("Direct")
                .proxyUse(org.ferryftp.site.ProxyUse.DIRECT).build();
        new org.ferryftp.site.store.SiteStore(config, java.time.Clock.systemUTC())
                .save(java.util.List.of(viaDefault, direct));
        var vault = new org.ferryftp.site.vault.VaultCredentialStore(config,
                org.ferryftp.site.vault.EnvironmentMasterPassword.from(vars).orElseThrow());
        vault.put(org.ferryftp.site.SiteSessions.credentialKey(viaDefault), server.password());
        vault.put(org.ferryftp.site.SiteSessions.credentialKey(direct), server.password());
        vault.put(org.ferryftp.site.SiteSessions.DEFAULT_PROXY_KEY, env.get("FERRY_PROXY_SOCKS5_PASSWORD"));
        byte[] data = "through the default proxy".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(local.resolve("default.txt"), data);
        assertEquals(0, ferry(vars, "put", file.toString(), url + "/" + dir + "-default.txt"), err());
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve(dir + "-default.txt")));
        assertEquals(0, ferry(vars, "ls", "site:ViaDefault/"), err());
        assertTrue(cli.out().contains(dir + "-default.txt"), cli.out());

        // Proof that both went through Dante: with a wrong password for the default proxy both are refused...
        vault.put(org.ferryftp.site.SiteSessions.DEFAULT_PROXY_KEY, "wrong");
        assertEquals(1, ferry(vars, "ls", url + "/"));
        assertTrue(err().contains("the proxy socks5://" + socks + " refused the user name or password"), err());
        assertEquals(1, ferry(vars, "ls", "site:ViaDefault/"));
        assertTrue(err().contains("refused the user name or password"), err());
        // ...while a site set to connect directly, --noproxy (curl's) and NO_PROXY bypass it.
        assertEquals(0, ferry(vars, "ls", "site:Direct/"), err());
        assertEquals(0, ferry(vars, "ls", "--noproxy", "*", url + "/"), err());
        assertEquals(0, ferry(vars, "ls", "--noproxy", "example.org," + server.host(), "site:ViaDefault/"), err());
        Map<String, String> noProxy = new HashMap<>(vars);
        noProxy.put("NO_PROXY", server.host());
        assertEquals(0, ferry(noProxy, "rm", url + "/" + dir + "-default.txt"), err());
        // --proxy overrides the default.
        assertEquals(0, ferry(vars, "ls", "--proxy", "socks5://" + env.get("FERRY_PROXY_SOCKS5"), url + "/"), err());
    }

    @Test
    void refusalsAreTheProxysInOneLine() {
        Map<String, String> wrong = new HashMap<>(Map.of("FERRY_PROXY_PASSWORD", "not-the-password"));
        assertEquals(1, ferry(wrong, "ls", "--proxy", "socks5://ferry@" + env.get("FERRY_PROXY_SOCKS5_AUTH"),
                url + "/"));
        assertTrue(err().strip().startsWith("ferry: the proxy socks5://" + env.get("FERRY_PROXY_SOCKS5_AUTH")
                + " refused the user name or password for ferry"), err());
        assertEquals(1, err().strip().lines().count(), err());
        assertFalse(err().contains("not-the-password"));

        assertEquals(1, ferry(wrong, "ls", "--proxy", "http://ferry@" + env.get("FERRY_PROXY_HTTP"), url + "/"));
        assertTrue(err().strip().startsWith("ferry: the proxy http://" + env.get("FERRY_PROXY_HTTP")
                + " refused to connect to"), err());

        assertEquals(1, ferry(Map.of(), "ls", "--active", "--proxy", "socks5://" + env.get("FERRY_PROXY_SOCKS5"),
                url + "/"));
        assertTrue(err().contains("active mode cannot work through the proxy"), err());
        assertEquals(2, ferry(Map.of(), "ls", "--proxy", "socks5://u:secret@" + env.get("FERRY_PROXY_SOCKS5"), url));
        assertTrue(err().contains("FERRY_PROXY_PASSWORD") && !err().contains("secret"), err());
    }
}
