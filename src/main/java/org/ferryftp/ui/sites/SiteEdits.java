package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteMerge;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.Key;
import org.ferryftp.ui.sites.SiteTree.SiteKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every change the site manager makes to the saved sites: the form written back, a site duplicated, renamed,
 * deleted or moved, a folder made, renamed or deleted, an import added. Each keeps the {@link SiteList}, the
 * passwords and the store in step (a password goes along with its site, or is forgotten with it), saves at once,
 * and selects the result.
 */
final class SiteEdits {

    private final SiteList list;
    private final SitePasswords passwords;
    private final SiteSaver saver;
    private final SiteDialogs dialogs;
    private final SiteNames names;
    private final SiteForm form;
    private final Messages msg;
    private final Supplier<String> ids;
    private final Consumer<Key> select;
    private final Consumer<String> error;

    /**
     * @param form   the form of the selected site (written back by {@link #applyForm}; its name follows a rename)
     * @param ids    makes the ids of copies and of imported sites whose id is taken
     * @param select selects a row once a change is saved
     * @param error  receives the problems of an invalid form, and "" once the form is valid
     */
    SiteEdits(SiteList list, SitePasswords passwords, SiteSaver saver, SiteDialogs dialogs, SiteNames names,
              SiteForm form, Messages msg, Supplier<String> ids, Consumer<Key> select, Consumer<String> error) {
        this.list = list;
        this.passwords = passwords;
        this.saver = saver;
        this.dialogs = dialogs;
        this.names = names;
        this.form = form;
        this.msg = msg;
        this.ids = ids;
        this.select = select;
        this.error = error;
    }

    // ---- the form ------------------------------------------------------------------------------

    /**
     * Writes the form into {@code target} (nothing to do when null): checks it with {@link SiteFormParser}, stores
     * the password, and saves when the site changed; false, with the problems shown, when invalid.
     */
    boolean applyForm(SiteProfile target) {
        if (target == null) {
            return true;
        }
        SiteFormParser.Parsed parsed = SiteFormParser.parse(form, target, msg);
        if (parsed instanceof SiteFormParser.Invalid invalid) {
            error.accept(msg.format("site.error.notSaved", target.name(), String.join(" ", invalid.problems())));
            return false;
        }
        SiteFormParser.Valid valid = (SiteFormParser.Valid) parsed;
        boolean changed = !valid.profile().equals(target);
        list.replace(valid.profile());
        error.accept("");
        if (!passwords.set(target, valid.password()) || !passwords.setProxy(target, valid.proxyPassword())
                || !passwords.setKeyPassphrase(target, valid.keyPassphrase())) {
            return false;
        }
        return !changed || saver.save();
    }

    // ---- one site ------------------------------------------------------------------------------

    /** A copy of {@code p} as the list holds it now, with its password, named "… (copy)" in the same folder. */
    void duplicate(SiteProfile p) {
        SiteProfile fresh = list.site(p.id()).orElse(p);
        SiteProfile copy = fresh.toBuilder().id(ids.get()).name(FolderPaths.unique(
                msg.format("site.copyName", fresh.name()), fresh.folder(), list.sites())).build();
        list.add(copy);
        passwords.copy(fresh, copy);
        if (saver.save()) {
            select.accept(new SiteKey(copy.id()));
        }
    }

    /** Asks for a new name of the site with {@code id}. */
    void renameSite(String id) {
        list.site(id).ifPresent(p -> names.ask(msg.get("site.rename.title"),
                msg.format("site.rename.header", p.name()), p.name()).ifPresent(n -> {
                    list.replace(p.withName(n));
                    form.name.set(n);
                    saver.save();
                }));
    }

    /** Deletes the site with {@code id} and its password after the user confirms. */
    void deleteSite(String id) {
        list.site(id).filter(p -> dialogs.confirmDelete(msg.format("site.delete.site", p.name())))
                .ifPresent(p -> {
                    list.remove(p);
                    passwords.forget(p);
                    if (saver.save()) {
                        select.accept(new FolderKey(p.folder()));
                    }
                });
    }

    /** Moves the site with {@code id} into {@code folder} (drag and drop). */
    void moveSite(String id, List<String> folder) {
        list.site(id).filter(p -> !p.folder().equals(folder)).ifPresent(p -> {
            list.replace(p.withFolder(folder));
            if (saver.save()) {
                select.accept(new SiteKey(id));
            }
        });
    }

    // ---- folders -------------------------------------------------------------------------------

    /** Asks for a name and adds that folder in {@code parent}. */
    void createFolder(List<String> parent) {
        names.ask(msg.get("site.newFolder.title"), msg.get("site.newFolder.header"), msg.get("site.newFolder.default"))
                .ifPresent(name -> {
                    List<String> path = new ArrayList<>(parent);
                    path.add(name);
                    list.addFolder(path);
                    if (saver.save()) {
                        select.accept(new FolderKey(path));
                    }
                });
    }

    /** Asks for a new name of the folder {@code fk} (not the top level); the sites inside go along. */
    void renameFolder(FolderKey fk) {
        names.ask(msg.get("site.rename.title"), msg.format("site.rename.header", fk.name()), fk.name()).ifPresent(n -> {
            List<String> to = new ArrayList<>(fk.path().subList(0, fk.path().size() - 1));
            to.add(n);
            list.moveFolder(fk.path(), to);
            if (saver.save()) {
                select.accept(new FolderKey(to));
            }
        });
    }

    /** Deletes the folder {@code fk} (not the top level) with everything in it, after the user confirms. */
    void deleteFolder(FolderKey fk) {
        List<SiteProfile> inside = list.sitesIn(fk.path());
        if (!dialogs.confirmDelete(msg.format("site.delete.folder", fk.name(), inside.size()))) {
            return;
        }
        list.removeFolder(fk.path(), inside);
        inside.forEach(passwords::forget);
        if (saver.save()) {
            select.accept(new FolderKey(fk.path().subList(0, fk.path().size() - 1)));
        }
    }

    // ---- imports -------------------------------------------------------------------------------

    /**
     * Adds the sites of an import (FileZilla or a Ferry file) with the folders and readable passwords they came
     * with, then saves; saved sites are never replaced (see {@link SiteMerge}).
     *
     * @param importedPasswords passwords by the imported ids
     */
    List<SiteMerge.Added> addImported(List<SiteProfile> imported, Map<String, String> importedPasswords,
                                      List<List<String>> importedFolders) {
        SiteMerge.Result merged = new SiteMerge(ids).merge(list.sites(), imported);
        list.replaceAll(merged.all(), importedFolders);
        for (SiteMerge.Added a : merged.added()) {
            passwords.setImported(a.originalId(), a.added(), importedPasswords);
        }
        saver.save();
        return merged.added();
    }
}
