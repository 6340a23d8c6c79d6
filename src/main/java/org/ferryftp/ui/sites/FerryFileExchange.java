package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteMerge;
import org.ferryftp.site.store.SiteExchange;
import org.ferryftp.site.vault.WrongMasterPasswordException;
import org.ferryftp.ui.Messages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * "Export…" and "Import Ferry file…": Ferry's own JSON (the {@code sites.json} format), the same rules as
 * {@code ferry sites export/import}: passwords only when the user asks, and then encrypted with a passphrase the
 * user chooses; an import never replaces a saved site (new ids and names, see {@link SiteMerge}) and saves atomically.
 */
public final class FerryFileExchange {

    private final SiteManagerViewModel vm;

    public FerryFileExchange(SiteManagerViewModel vm) {
        this.vm = vm;
    }

    public void export() {
        if (!vm.applyFormForImport()) {
            return;
        }
        Optional<Boolean> withPasswords = vm.dialogs().askExportPasswords();
        if (withPasswords.isEmpty()) {
            return;
        }
        String passphrase = null;
        if (withPasswords.get()) {
            Optional<String> typed = vm.dialogs().askPassphrase(true);
            if (typed.isEmpty()) {
                return;
            }
            passphrase = typed.get();
        }
        String chosen = passphrase;
        vm.dialogs().chooseExportFile().ifPresent(file -> exportTo(file, chosen));
    }

    public void importFile() {
        if (!vm.applyFormForImport()) {
            return;
        }
        vm.dialogs().chooseFerryFile().ifPresent(this::importFrom);
    }

    /** @param passphrase encrypts the saved passwords into the file; null exports none */
    void exportTo(Path file, String passphrase) {
        Messages msg = vm.messages();
        SiteExchange.Contents contents = SiteExchange.of(vm.sites(), vm.folders());
        int passwords = 0;
        try {
            if (passphrase != null) {
                java.util.Map<String, String> saved = vm.savedPasswords();
                passwords = saved.size();
                contents = SiteExchange.withPasswords(vm.sites(), vm.folders(), saved, passphrase.toCharArray());
            }
            SiteExchange.write(file, contents);
        } catch (IOException e) {
            vm.dialogs().showInfo(msg.get("site.export.title"), msg.format("site.export.failed", file, e.getMessage()));
            return;
        }
        String text = msg.format("site.export.done", contents.sites().size(), file);
        if (passphrase != null) {
            text += "\n\n" + msg.format("site.export.sealed", passwords);
        }
        vm.setStatus(msg.format("site.export.done", contents.sites().size(), file));
        vm.dialogs().showInfo(msg.get("site.export.title"), text);
    }

    void importFrom(Path file) {
        Messages msg = vm.messages();
        SiteExchange.Contents contents;
        try {
            contents = SiteExchange.read(file);
        } catch (IOException e) {
            vm.dialogs().showInfo(msg.get("site.importFerry.title"), msg.format("site.import.failed", file, e.getMessage()));
            return;
        }
        java.util.Map<String, String> passwords = java.util.Map.of();
        if (contents.hasPasswords()) {
            Optional<String> passphrase = vm.dialogs().askPassphrase(false);
            if (passphrase.isEmpty()) {
                return;
            }
            try {
                passwords = contents.passwords(passphrase.get().toCharArray());
            } catch (WrongMasterPasswordException e) {
                vm.dialogs().showInfo(msg.get("site.importFerry.title"), msg.format("site.import.wrongPassphrase", file));
                return;
            } catch (IOException e) {
                vm.dialogs().showInfo(msg.get("site.importFerry.title"), msg.format("site.import.failed", file, e.getMessage()));
                return;
            }
        }
        List<SiteMerge.Added> added = vm.addImported(contents.sites(), passwords, contents.folders());
        StringBuilder text = new StringBuilder(msg.format("site.import.count", added.size()));
        appendRenamed(text, added, msg);
        vm.setStatus(msg.format("site.import.count", added.size()));
        vm.dialogs().showInfo(msg.get("site.importFerry.title"), text.toString().strip());
    }

    /** Lists the imported sites that were renamed because their name was taken. */
    static void appendRenamed(StringBuilder text, List<SiteMerge.Added> added, Messages msg) {
        List<SiteMerge.Added> renamed = added.stream().filter(SiteMerge.Added::renamed).toList();
        if (!renamed.isEmpty()) {
            text.append("\n\n").append(msg.get("site.import.renamed")).append('\n');
            renamed.forEach(a -> text.append("\u2022 ").append(a.originalPath()).append(" \u2192 ")
                    .append(a.added().path()).append('\n'));
        }
    }
}
