package org.ferryftp.cli;

import org.ferryftp.site.vault.VaultException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The passphrase of exported passwords: the environment for scripts, else typed (twice to export). */
class ExportPassphraseTest {

    final Path file = Path.of("sites.json");

    @Test
    void theEnvironmentWinsAndNoTerminalIsNeeded() throws Exception {
        ExportPassphrase p = new ExportPassphrase(Map.of(ExportPassphrase.VARIABLE, "from env"), () -> null);
        assertArrayEquals("from env".toCharArray(), p.forExport(file));
        assertArrayEquals("from env".toCharArray(), p.forImport(file));
    }

    @Test
    void typedTwiceForAnExportAndOnceForAnImport() throws Exception {
        ConsoleMasterPasswordTest.Typist typist = new ConsoleMasterPasswordTest.Typist("pp", "pp", "in");
        ExportPassphrase p = new ExportPassphrase(Map.of(), () -> typist);
        assertArrayEquals("pp".toCharArray(), p.forExport(file));
        assertArrayEquals("in".toCharArray(), p.forImport(file));
        assertEquals(List.of("Passphrase for the exported passwords: ", "Repeat the passphrase: ",
                "Passphrase of the passwords in sites.json: "), typist.prompts);
    }

    @Test
    void aMismatchOrNoTerminalFailsWithAMessage() {
        ConsoleMasterPasswordTest.Typist typist = new ConsoleMasterPasswordTest.Typist("one", "two");
        VaultException e = assertThrows(VaultException.class,
                () -> new ExportPassphrase(Map.of(), () -> typist).forExport(file));
        assertEquals("the two passphrases differ; nothing was exported", e.getMessage());
        e = assertThrows(VaultException.class, () -> new ExportPassphrase(Map.of(), () -> null).forImport(file));
        assertTrue(e.getMessage().endsWith("set FERRY_EXPORT_PASSPHRASE"), e.getMessage());
    }
}
