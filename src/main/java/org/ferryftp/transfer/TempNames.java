package org.ferryftp.transfer;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteRef;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads and server-to-server copies write to {@code NAME.ferry-part} (the suffix partial downloads use)
 * and rename it when complete, on sites that want it. A site whose server refused a rename writes
 * straight to the final name for the rest of this run (the queue's lifetime; not saved).
 */
final class TempNames {

    static final String SUFFIX = PartialDownload.SUFFIX;

    private final Set<String> refusedRename = ConcurrentHashMap.newKeySet();

    static String of(String finalPath) {
        return finalPath + SUFFIX;
    }

    boolean use(SiteRef site) {
        return site.uploadViaTempName() && !refusedRename.contains(site.id());
    }

    void renameRefused(SiteRef site) {
        refusedRename.add(site.id());
    }
}
