package org.ferryftp.site.importer;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the FileZilla {@code sitemanager.xml} importer: a file is imported, or refused with the
 * documented IOException (whose message is one line); any other exception fails the fuzz.
 */
class FileZillaImporterFuzzTest {

    @FuzzTest
    void siteManagerXml(byte[] xml) {
        try {
            new FileZillaImporter().read(new ByteArrayInputStream(xml));
        } catch (IOException documented) {
            String message = documented.getMessage();
            if (message == null || message.contains("\n")) {
                throw new AssertionError("not a one-line message: " + message, documented);
            }
        }
    }
}
