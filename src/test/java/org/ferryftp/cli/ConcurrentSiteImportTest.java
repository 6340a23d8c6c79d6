package org.ferryftp.cli;

import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.EnvironmentMasterPassword;
import org.ferryftp.site.vault.VaultCredentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code ferry sites import} processes on one config directory at the same time: the site file and the vault
 * are read-modify-written under their cross-process locks, so neither import loses the other's sites or passwords.
 */
class ConcurrentSiteImportTest {

    static final int PER_IMPORT = 20;
    static final String MASTER = "master of two imports";

    @TempDir
    Path config;
    @TempDir
    Path files;

    @Test
    void twoProcessesImportingAtOnceKeepEverySiteAndPassword() throws Exception {
        Path first = fileZilla("A");
        Path second = fileZilla("B");
        Process a = ferry("sites", "import", "filezilla", first.toString());
        Process b = ferry("sites", "import", "filezilla", second.toString());
        for (Process p : List.of(a, b)) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "an import did not finish");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), err);
        }

        List<SiteProfile> sites = new SiteStore(config, Clock.systemUTC()).load().sites();
        assertEquals(2 * PER_IMPORT, sites.size(), sites.stream().map(SiteProfile::name).toList().toString());
        VaultCredentialStore vault = new VaultCredentialStore(config,
                EnvironmentMasterPassword.from(CliRun.vaultEnv(config, MASTER)).orElseThrow());
        Map<String, String> passwords = vault.all();
        assertEquals(2 * PER_IMPORT, passwords.size());
        for (SiteProfile s : sites) {
            assertEquals("pw-" + s.name(), passwords.get(SiteSessions.credentialKey(s)), s.name());
        }
    }

    /** A FileZilla site manager file with {@value #PER_IMPORT} sites, each with its own password. */
    private Path fileZilla(String prefix) throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FileZilla3><Servers>\n");
        for (int i = 1; i <= PER_IMPORT; i++) {
            String name = prefix + i;
            xml.append("<Server><Host>").append(name.toLowerCase()).append(".example.org</Host><Port>21</Port>")
                    .append("<Protocol>0</Protocol><Logontype>1</Logontype><User>u</User><Pass encoding=\"base64\">")
                    .append(Base64.getEncoder().encodeToString(("pw-" + name).getBytes(StandardCharsets.UTF_8)))
                    .append("</Pass><Name>").append(name).append("</Name></Server>\n");
        }
        xml.append("</Servers></FileZilla3>\n");
        return Files.writeString(files.resolve(prefix + ".xml"), xml);
    }

    /** {@code ferry ARGS} in a child JVM with this test's class path. */
    private Process ferry(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.ferryftp.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(CliRun.vaultEnv(config, MASTER));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }
}
