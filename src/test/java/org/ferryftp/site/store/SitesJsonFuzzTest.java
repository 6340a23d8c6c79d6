package org.ferryftp.site.store;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes the {@code sites.json} reader: a document is read, or refused with the documented
 * JsonProcessingException or IllegalArgumentException (both become "the saved sites could not be
 * read" and the file is set aside). What was read must survive being written and read again.
 */
class SitesJsonFuzzTest {

    @FuzzTest
    void sitesJson(FuzzedDataProvider data) throws JsonProcessingException {
        String json = data.consumeRemainingAsString();
        SiteJson.Document doc;
        try {
            doc = SiteJson.read(json);
        } catch (JsonProcessingException | IllegalArgumentException documented) {
            return;
        }
        SiteJson.Document again = SiteJson.read(SiteJson.write(doc.sites(), doc.folders(), doc.sealedPasswords()));
        assertEquals(doc, again);
    }
}
