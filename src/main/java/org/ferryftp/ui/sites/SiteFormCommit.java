package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;

import java.util.function.Consumer;

/**
 * Writes the {@link SiteForm} back into its site: checks it with {@link SiteFormParser} (its problems become the
 * error message), stores the password, and saves when the site changed.
 */
final class SiteFormCommit {

    private final SiteForm form;
    private final EditContext ctx;
    private final Consumer<String> error;

    /** @param error receives the problems of an invalid form, and "" once the form is valid */
    SiteFormCommit(SiteForm form, EditContext ctx, Consumer<String> error) {
        this.form = form;
        this.ctx = ctx;
        this.error = error;
    }

    /** Writes the form into {@code target} (nothing to do when null); false, with the problems shown, when invalid. */
    boolean apply(SiteProfile target) {
        if (target == null) {
            return true;
        }
        SiteFormParser.Parsed parsed = SiteFormParser.parse(form, target, ctx.msg());
        if (parsed instanceof SiteFormParser.Invalid invalid) {
            error.accept(ctx.msg().format("site.error.notSaved", target.name(), String.join(" ", invalid.problems())));
            return false;
        }
        SiteFormParser.Valid valid = (SiteFormParser.Valid) parsed;
        boolean changed = !valid.profile().equals(target);
        ctx.list().replace(valid.profile());
        error.accept("");
        if (!ctx.passwords().set(target, valid.password())) {
            return false;
        }
        return !changed || ctx.saver().save();
    }
}
