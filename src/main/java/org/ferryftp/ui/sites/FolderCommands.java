package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.Key;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The site manager's New folder, Rename and Delete of a folder: asks the user, carries the sites inside along
 * (or deletes them with their passwords), saves, and selects the result.
 */
final class FolderCommands {

    private final EditContext ctx;
    private final SiteNames names;
    private final Consumer<Key> select;

    /** @param select selects a row once the change is saved */
    FolderCommands(EditContext ctx, SiteNames names, Consumer<Key> select) {
        this.ctx = ctx;
        this.names = names;
        this.select = select;
    }

    /** Asks for a name and adds that folder in {@code parent}. */
    void create(List<String> parent) {
        Messages msg = ctx.msg();
        names.ask(msg.get("site.newFolder.title"), msg.get("site.newFolder.header"), msg.get("site.newFolder.default"))
                .ifPresent(name -> {
                    List<String> path = new ArrayList<>(parent);
                    path.add(name);
                    ctx.list().addFolder(path);
                    if (ctx.saver().save()) {
                        select.accept(new FolderKey(path));
                    }
                });
    }

    /** Asks for a new name of the folder {@code fk} (not the top level). */
    void rename(FolderKey fk) {
        Messages msg = ctx.msg();
        names.ask(msg.get("site.rename.title"), msg.format("site.rename.header", fk.name()), fk.name()).ifPresent(n -> {
            List<String> to = new ArrayList<>(fk.path().subList(0, fk.path().size() - 1));
            to.add(n);
            ctx.list().moveFolder(fk.path(), to);
            if (ctx.saver().save()) {
                select.accept(new FolderKey(to));
            }
        });
    }

    /** Deletes the folder {@code fk} (not the top level) with everything in it, after the user confirms. */
    void delete(FolderKey fk) {
        List<SiteProfile> inside = ctx.list().sitesIn(fk.path());
        if (!ctx.dialogs().confirmDelete(ctx.msg().format("site.delete.folder", fk.name(), inside.size()))) {
            return;
        }
        ctx.list().removeFolder(fk.path(), inside);
        inside.forEach(ctx.passwords()::forget);
        if (ctx.saver().save()) {
            select.accept(new FolderKey(fk.path().subList(0, fk.path().size() - 1)));
        }
    }
}
