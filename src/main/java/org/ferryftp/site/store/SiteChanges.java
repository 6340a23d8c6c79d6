package org.ferryftp.site.store;

import org.ferryftp.site.SiteProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A three-way merge of saved sites: what one process changed since it last read the file ({@code base} to
 * {@code mine}) applied to the file as it is now, which another process may have changed. A site is matched by id.
 * A site this process did not change is taken as it is now (changed, or deleted, by the other); one it changed,
 * added or deleted is taken as this process has it, except that a deletion never discards the other's changes to
 * that site. Sites and folders only the other process knows are kept.
 */
final class SiteChanges {

    private SiteChanges() {
    }

    static SiteStore.Contents apply(SiteStore.Contents base, SiteStore.Contents mine, SiteStore.Contents now) {
        Map<String, SiteProfile> before = byId(base.sites());
        Map<String, SiteProfile> current = byId(now.sites());
        Set<String> mineIds = new HashSet<>();
        List<SiteProfile> sites = new ArrayList<>();
        for (SiteProfile s : mine.sites()) {
            mineIds.add(s.id());
            if (!s.equals(before.get(s.id()))) {
                sites.add(s);
            } else if (current.containsKey(s.id())) {
                sites.add(current.get(s.id()));
            }
        }
        for (SiteProfile s : now.sites()) {
            boolean deletedHere = before.containsKey(s.id()) && before.get(s.id()).equals(s);
            if (!mineIds.contains(s.id()) && !deletedHere) {
                sites.add(s);
            }
        }
        List<List<String>> folders = new ArrayList<>();
        for (List<String> f : mine.folders()) {
            if (!base.folders().contains(f) || now.folders().contains(f)) {
                folders.add(f);
            }
        }
        for (List<String> f : now.folders()) {
            if (!base.folders().contains(f) && !folders.contains(f)) {
                folders.add(f);
            }
        }
        return new SiteStore.Contents(sites, folders);
    }

    private static Map<String, SiteProfile> byId(List<SiteProfile> sites) {
        Map<String, SiteProfile> out = new HashMap<>();
        sites.forEach(s -> out.put(s.id(), s));
        return out;
    }
}
