package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sites and folders the site manager edits, in memory (the store holds the saved copy): finding and
 * replacing a site, and adding, moving or removing a folder together with what is in it.
 */
final class SiteList {

    private final List<SiteProfile> sites = new ArrayList<>();
    private final List<List<String>> folders = new ArrayList<>();

    SiteList(List<SiteProfile> sites, List<List<String>> folders) {
        this.sites.addAll(sites);
        this.folders.addAll(folders);
    }

    List<SiteProfile> sites() {
        return List.copyOf(sites);
    }

    List<List<String>> folders() {
        return List.copyOf(folders);
    }

    Optional<SiteProfile> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    void add(SiteProfile p) {
        sites.add(p);
    }

    void remove(SiteProfile p) {
        sites.remove(p);
    }

    /** Puts {@code p} in place of the site with its id. */
    void replace(SiteProfile p) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).id().equals(p.id())) {
                sites.set(i, p);
            }
        }
    }

    /** Replaces every site (with the result of a merge) and adds the folders that are not there yet. */
    void replaceAll(List<SiteProfile> all, List<List<String>> moreFolders) {
        sites.clear();
        sites.addAll(all);
        moreFolders.stream().filter(f -> !folders.contains(f)).forEach(folders::add);
    }

    void addFolder(List<String> path) {
        if (!folders.contains(path)) {
            folders.add(List.copyOf(path));
        }
    }

    /** Renames or moves the folder {@code from} to {@code to}, with its sub-folders and sites. */
    void moveFolder(List<String> from, List<String> to) {
        for (SiteProfile s : List.copyOf(sites)) {
            if (FolderPaths.startsWith(s.folder(), from)) {
                replace(s.withFolder(FolderPaths.rebase(s.folder(), from, to)));
            }
        }
        folders.replaceAll(f -> FolderPaths.startsWith(f, from) ? FolderPaths.rebase(f, from, to) : f);
    }

    /** The sites in {@code path} or below it. */
    List<SiteProfile> sitesIn(List<String> path) {
        return sites.stream().filter(s -> FolderPaths.startsWith(s.folder(), path)).toList();
    }

    /** Removes the folder, its sub-folders and {@code inside} (its sites, from {@link #sitesIn}). */
    void removeFolder(List<String> path, List<SiteProfile> inside) {
        sites.removeAll(inside);
        folders.removeIf(f -> FolderPaths.startsWith(f, path));
    }
}
