package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.Key;
import org.ferryftp.ui.sites.SiteTree.SiteKey;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The site manager's Duplicate, Rename, Delete and Move (drag and drop) of one site: its password goes along
 * (or is forgotten), the change is saved at once, and the result selected.
 */
final class SiteCommands {

    private final EditContext ctx;
    private final SiteNames names;
    private final SiteForm form;
    private final Supplier<String> ids;
    private final Consumer<Key> select;

    /**
     * @param form   the form of the selected site, whose name follows a rename
     * @param ids    makes the id of a copy
     * @param select selects a row once the change is saved
     */
    SiteCommands(EditContext ctx, SiteNames names, SiteForm form, Supplier<String> ids, Consumer<Key> select) {
        this.ctx = ctx;
        this.names = names;
        this.form = form;
        this.ids = ids;
        this.select = select;
    }

    /** A copy of {@code p} as the list holds it now, with its password, named "… (copy)" in the same folder. */
    void duplicate(SiteProfile p) {
        SiteProfile fresh = ctx.list().site(p.id()).orElse(p);
        SiteProfile copy = fresh.toBuilder().id(ids.get()).name(FolderPaths.unique(
                ctx.msg().format("site.copyName", fresh.name()), fresh.folder(), ctx.list().sites())).build();
        ctx.list().add(copy);
        ctx.passwords().copy(fresh, copy);
        if (ctx.saver().save()) {
            select.accept(new SiteKey(copy.id()));
        }
    }

    /** Asks for a new name of the site with {@code id}. */
    void rename(String id) {
        ctx.list().site(id).ifPresent(p -> names.ask(ctx.msg().get("site.rename.title"),
                ctx.msg().format("site.rename.header", p.name()), p.name()).ifPresent(n -> {
                    ctx.list().replace(p.withName(n));
                    form.name.set(n);
                    ctx.saver().save();
                }));
    }

    /** Deletes the site with {@code id} and its password after the user confirms. */
    void delete(String id) {
        ctx.list().site(id).filter(p -> ctx.dialogs().confirmDelete(ctx.msg().format("site.delete.site", p.name())))
                .ifPresent(p -> {
                    ctx.list().remove(p);
                    ctx.passwords().forget(p);
                    if (ctx.saver().save()) {
                        select.accept(new FolderKey(p.folder()));
                    }
                });
    }

    /** Moves the site with {@code id} into {@code folder}. */
    void move(String id, List<String> folder) {
        ctx.list().site(id).filter(p -> !p.folder().equals(folder)).ifPresent(p -> {
            ctx.list().replace(p.withFolder(folder));
            if (ctx.saver().save()) {
                select.accept(new SiteKey(id));
            }
        });
    }
}
