package org.ferryftp.ui.sites;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteMerge;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.Key;
import org.ferryftp.ui.sites.SiteTree.SiteKey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The site manager's state and commands: the sites and folders, the filtered tree, the selected
 * row, the form of the selected site, and messages. It never touches controls; questions go through
 * {@link SiteDialogs}; every change is saved at once through the {@link SiteStore} (atomic, by {@link SiteSaver}),
 * and passwords go to the {@link CredentialStore}, never into the site file. The sites and folders live in a
 * {@link SiteList}; every change to them (the form written back, sites and folders edited, imports merged) is
 * made by {@link SiteEdits}.
 */
public final class SiteManagerViewModel {

    /** What Connect asks the main window to do; returns why it cannot, or empty when it did. */
    @FunctionalInterface
    public interface Connector {
        Optional<String> connect(PaneSide side, SiteProfile site);
    }

    private final SitePasswords passwords;
    private final SiteDefaults defaults;
    private final SiteDialogs dialogs;
    private final Messages msg;
    private final Connector connector;
    private final Supplier<String> ids;
    private final SiteList list;
    private final SiteSaver saver;
    private final SiteEdits edits;
    private final SiteForm form = new SiteForm();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SiteTree> tree = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Key> selected = new SimpleObjectProperty<>(new FolderKey(List.of()));
    private final ReadOnlyBooleanWrapper siteSelected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public SiteManagerViewModel(SiteStore store, SiteStore.Loaded loaded, CredentialStore credentials,
                                SiteDefaults defaults, SiteDialogs dialogs, Messages msg, Connector connector,
                                Consumer<List<SiteProfile>> onSaved, Supplier<String> ids) {
        this.passwords = new SitePasswords(credentials, m -> error.set(msg.format("site.error.password", m)));
        this.defaults = defaults;
        this.dialogs = dialogs;
        this.msg = msg;
        this.connector = connector;
        this.ids = ids;
        this.list = new SiteList(loaded.sites(), loaded.folders());
        this.saver = new SiteSaver(store, list, this::rebuild, onSaved,
                m -> error.set(msg.format("site.error.save", store.file(), m)));
        this.edits = new SiteEdits(list, passwords, saver, dialogs, new SiteNames(dialogs, error::set, msg), form, msg,
                ids, selected::set, error::set);
        loaded.problem().ifPresent(error::set);
        search.addListener((o, a, b) -> rebuild());
        selected.addListener((o, a, b) -> selectionChanged(a, b));
        rebuild();
    }

    // ---- properties --------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SiteTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The selected row; the view sets it from the tree's selection. */
    public ObjectProperty<Key> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty siteSelectedProperty() {
        return siteSelected.getReadOnlyProperty();
    }

    /** True when the selection can be renamed or deleted (a site, or a folder other than the top level). */
    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public SiteForm form() {
        return form;
    }

    public List<SiteProfile> sites() {
        return list.sites();
    }

    public List<List<String>> folders() {
        return list.folders();
    }

    // ---- commands ----------------------------------------------------------------------------

    /** A new site, with the defaults from preferences, in the selected folder. */
    public void newSite() {
        if (!applyForm()) {
            return;
        }
        String name = FolderPaths.unique(msg.get("site.newName"), targetFolder(), list.sites());
        SiteProfile p = defaults.apply(SiteProfile.builder(ids.get(), name, "")).folder(targetFolder()).build();
        list.add(p);
        rebuild();
        selected.set(new SiteKey(p.id()));
        status.set(msg.get("site.status.newSite"));
    }

    public void newFolder() {
        if (!applyForm()) {
            return;
        }
        edits.createFolder(targetFolder());
    }

    public void duplicate() {
        currentSite().ifPresent(p -> {
            if (applyForm()) {
                edits.duplicate(p);
            }
        });
    }

    public void rename() {
        Key key = selected.get();
        if (!applyForm()) {
            return;
        }
        if (key instanceof SiteKey sk) {
            edits.renameSite(sk.id());
        } else if (key instanceof FolderKey fk && !fk.path().isEmpty()) {
            edits.renameFolder(fk);
        }
    }

    /** Deletes the selected site or folder (with everything in it) after the user confirms. */
    public void delete() {
        Key key = selected.get();
        if (key instanceof SiteKey sk) {
            edits.deleteSite(sk.id());
        } else if (key instanceof FolderKey fk && !fk.path().isEmpty()) {
            edits.deleteFolder(fk);
        }
    }

    /** Moves a site into a folder (drag and drop). */
    public void move(String siteId, List<String> folder) {
        if (!applyForm()) {
            return;
        }
        edits.moveSite(siteId, folder);
    }

    /** Checks the form and saves everything; false (with a message) when the form is invalid or saving failed. */
    public boolean save() {
        if (!applyForm()) {
            return false;
        }
        boolean ok = saver.save();
        if (ok) {
            status.set(msg.get("site.status.saved"));
        }
        return ok;
    }

    /** Saves, then opens the selected site in a pane. */
    public void connect(PaneSide side) {
        Optional<SiteProfile> p = currentSite();
        if (p.isEmpty() || !save()) {
            return;
        }
        SiteProfile saved = list.site(p.get().id()).orElseThrow();
        connector.connect(side, saved).ifPresent(error::set);
    }

    /** Lets the user pick the SFTP key file of the form's site. */
    public void chooseKeyFile() {
        dialogs.chooseKeyFile(form.keyFile.get()).ifPresent(f -> form.keyFile.set(f.toString()));
    }

    // ---- shared with FileZillaImport and FerryFileExchange -----------------------------------

    /** Adds imported sites and their passwords (keyed by the imported ids), then saves: see {@link SiteEdits#addImported}. */
    List<SiteMerge.Added> addImported(List<SiteProfile> imported, Map<String, String> importedPasswords,
                                      List<List<String>> importedFolders) {
        return edits.addImported(imported, importedPasswords, importedFolders);
    }

    /** The saved passwords by site id (sites that keep one), for an export with passwords. */
    Map<String, String> savedPasswords() {
        return passwords.saved(list.sites());
    }

    boolean applyFormForImport() {
        return applyForm();
    }

    SiteDialogs dialogs() {
        return dialogs;
    }

    Messages messages() {
        return msg;
    }

    void setStatus(String s) {
        status.set(s);
    }

    // ---- internals ---------------------------------------------------------------------------

    private Optional<SiteProfile> currentSite() {
        return selected.get() instanceof SiteKey sk ? list.site(sk.id()) : Optional.empty();
    }

    private void selectionChanged(Key from, Key to) {
        if (from instanceof SiteKey && !(to instanceof SiteKey sk && sk.equals(from))) {
            edits.applyForm(list.site(((SiteKey) from).id()).orElse(null));
        }
        siteSelected.set(to instanceof SiteKey);
        canEdit.set(to instanceof SiteKey || (to instanceof FolderKey fk && !fk.path().isEmpty()));
        if (to instanceof SiteKey sk) {
            list.site(sk.id()).ifPresent(p -> form.load(p, passwords.get(p), passwords.proxy(p),
                    passwords.keyPassphrase(p)));
        }
    }

    /** Writes the form into the selected site; false, with the problems shown, when the form is invalid. */
    private boolean applyForm() {
        return edits.applyForm(currentSite().orElse(null));
    }

    private void rebuild() {
        tree.set(SiteTree.of(list.sites(), list.folders(), search.get()));
    }

    private List<String> targetFolder() {
        Key key = selected.get();
        if (key instanceof FolderKey fk) {
            return fk.path();
        }
        return currentSite().map(SiteProfile::folder).orElse(List.of());
    }
}
