package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteMerge;
import org.ferryftp.site.SiteProfile;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds the sites of an import (FileZilla or a Ferry file) to the {@link SiteList} with the folders and readable
 * passwords they came with, then saves; saved sites are never replaced (see {@link SiteMerge}).
 */
final class SiteImports {

    private final EditContext ctx;
    private final Supplier<String> ids;

    /** @param ids makes new ids for imported sites whose id is taken */
    SiteImports(EditContext ctx, Supplier<String> ids) {
        this.ctx = ctx;
        this.ids = ids;
    }

    /** @param importedPasswords passwords by the imported ids */
    List<SiteMerge.Added> add(List<SiteProfile> imported, Map<String, String> importedPasswords,
                              List<List<String>> importedFolders) {
        SiteMerge.Result merged = new SiteMerge(ids).merge(ctx.list().sites(), imported);
        ctx.list().replaceAll(merged.all(), importedFolders);
        for (SiteMerge.Added a : merged.added()) {
            String pw = importedPasswords.get(a.originalId());
            if (pw != null && SitePasswords.keepsPassword(a.added())) {
                ctx.passwords().set(a.added(), pw);
            }
        }
        ctx.saver().save();
        return merged.added();
    }
}
