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
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteMerge;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.Key;
import org.ferryftp.ui.sites.SiteTree.SiteKey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The site manager's state and commands: the sites and folders, the filtered tree, the selected
 * row, the form of the selected site, and messages. It never touches controls; questions go through
 * {@link SiteDialogs}; every change is saved at once through the {@link SiteStore} (atomic), and
 * passwords go to the {@link CredentialStore}, never into the site file.
 */
public final class SiteManagerViewModel {

    /** What Connect asks the main window to do; returns why it cannot, or empty when it did. */
    @FunctionalInterface
    public interface Connector {
        Optional<String> connect(PaneSide side, SiteProfile site);
    }

    private final SiteStore store;
    private final SitePasswords passwords;
    private final SiteDefaults defaults;
    private final SiteDialogs dialogs;
    private final Messages msg;
    private final Connector connector;
    private final Consumer<List<SiteProfile>> onSaved;
    private final Supplier<String> ids;
    private final List<SiteProfile> sites = new ArrayList<>();
    private final List<List<String>> folders = new ArrayList<>();
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
        this.store = store;
        this.passwords = new SitePasswords(credentials, m -> error.set(msg.format("site.error.password", m)));
        this.defaults = defaults;
        this.dialogs = dialogs;
        this.msg = msg;
        this.connector = connector;
        this.onSaved = onSaved;
        this.ids = ids;
        sites.addAll(loaded.sites());
        folders.addAll(loaded.folders());
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
        return List.copyOf(sites);
    }

    public List<List<String>> folders() {
        return List.copyOf(folders);
    }

    // ---- commands ----------------------------------------------------------------------------

    /** A new site, with the defaults from preferences, in the selected folder. */
    public void newSite() {
        if (!applyForm()) {
            return;
        }
        String name = FolderPaths.unique(msg.get("site.newName"), targetFolder(), sites);
        SiteProfile p = defaults.apply(SiteProfile.builder(ids.get(), name, "")).folder(targetFolder()).build();
        sites.add(p);
        rebuild();
        selected.set(new SiteKey(p.id()));
        status.set(msg.get("site.status.newSite"));
    }

    public void newFolder() {
        if (!applyForm()) {
            return;
        }
        List<String> parent = targetFolder();
        dialogs.askName(msg.get("site.newFolder.title"), msg.get("site.newFolder.header"), msg.get("site.newFolder.default"))
                .map(String::strip).ifPresent(name -> {
                    if (!validName(name)) {
                        return;
                    }
                    List<String> path = new ArrayList<>(parent);
                    path.add(name);
                    if (!folders.contains(path)) {
                        folders.add(List.copyOf(path));
                    }
                    if (persist()) {
                        selected.set(new FolderKey(path));
                    }
                });
    }

    public void duplicate() {
        currentSite().ifPresent(p -> {
            if (!applyForm()) {
                return;
            }
            SiteProfile fresh = site(p.id()).orElse(p);
            SiteProfile copy = fresh.toBuilder().id(ids.get()).name(FolderPaths.unique(msg.format("site.copyName", fresh.name()),
                    fresh.folder(), sites)).build();
            sites.add(copy);
            passwords.copy(fresh, copy);
            if (persist()) {
                selected.set(new SiteKey(copy.id()));
            }
        });
    }

    public void rename() {
        Key key = selected.get();
        if (!applyForm()) {
            return;
        }
        if (key instanceof SiteKey sk) {
            site(sk.id()).ifPresent(p -> dialogs.askName(msg.get("site.rename.title"),
                    msg.format("site.rename.header", p.name()), p.name()).map(String::strip).filter(this::validName)
                    .ifPresent(n -> {
                        replace(p.withName(n));
                        form.name.set(n);
                        persist();
                    }));
        } else if (key instanceof FolderKey fk && !fk.path().isEmpty()) {
            dialogs.askName(msg.get("site.rename.title"), msg.format("site.rename.header", fk.name()), fk.name())
                    .map(String::strip).filter(this::validName).ifPresent(n -> {
                        List<String> to = new ArrayList<>(fk.path().subList(0, fk.path().size() - 1));
                        to.add(n);
                        moveFolder(fk.path(), to);
                        if (persist()) {
                            selected.set(new FolderKey(to));
                        }
                    });
        }
    }

    /** Deletes the selected site or folder (with everything in it) after the user confirms. */
    public void delete() {
        Key key = selected.get();
        if (key instanceof SiteKey sk) {
            Optional<SiteProfile> p = site(sk.id());
            if (p.isEmpty() || !dialogs.confirmDelete(msg.format("site.delete.site", p.get().name()))) {
                return;
            }
            sites.remove(p.get());
            passwords.forget(p.get());
            if (persist()) {
                selected.set(new FolderKey(p.get().folder()));
            }
        } else if (key instanceof FolderKey fk && !fk.path().isEmpty()) {
            List<SiteProfile> inside = sites.stream().filter(s -> FolderPaths.startsWith(s.folder(), fk.path())).toList();
            if (!dialogs.confirmDelete(msg.format("site.delete.folder", fk.name(), inside.size()))) {
                return;
            }
            sites.removeAll(inside);
            inside.forEach(passwords::forget);
            folders.removeIf(f -> FolderPaths.startsWith(f, fk.path()));
            if (persist()) {
                selected.set(new FolderKey(fk.path().subList(0, fk.path().size() - 1)));
            }
        }
    }

    /** Moves a site into a folder (drag and drop). */
    public void move(String siteId, List<String> folder) {
        if (!applyForm()) {
            return;
        }
        site(siteId).filter(p -> !p.folder().equals(folder)).ifPresent(p -> {
            replace(p.withFolder(folder));
            if (persist()) {
                selected.set(new SiteKey(siteId));
            }
        });
    }

    /** Checks the form and saves everything; false (with a message) when the form is invalid or saving failed. */
    public boolean save() {
        if (!applyForm()) {
            return false;
        }
        boolean ok = persist();
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
        SiteProfile saved = site(p.get().id()).orElseThrow();
        connector.connect(side, saved).ifPresent(error::set);
    }

    /**
     * Adds imported sites (in their own folders), the folders they came with, and their readable passwords (keyed by
     * the imported ids), then saves. Saved sites are never replaced: see {@link SiteMerge} for new ids and names.
     */
    List<SiteMerge.Added> addImported(List<SiteProfile> imported, java.util.Map<String, String> importedPasswords,
                                      List<List<String>> importedFolders) {
        SiteMerge.Result merged = new SiteMerge(ids).merge(sites, imported);
        sites.clear();
        sites.addAll(merged.all());
        importedFolders.stream().filter(f -> !folders.contains(f)).forEach(folders::add);
        for (SiteMerge.Added a : merged.added()) {
            String pw = importedPasswords.get(a.originalId());
            if (pw != null && (a.added().login() == LoginType.NORMAL || a.added().login() == LoginType.ACCOUNT)) {
                passwords.set(a.added(), pw);
            }
        }
        persist();
        return merged.added();
    }

    /** The saved passwords by site id (sites that keep one), for an export with passwords. */
    java.util.Map<String, String> savedPasswords() {
        java.util.Map<String, String> secrets = new java.util.HashMap<>();
        for (SiteProfile p : sites) {
            String pw = p.login() == LoginType.NORMAL || p.login() == LoginType.ACCOUNT ? passwords.get(p) : "";
            if (!pw.isEmpty()) {
                secrets.put(p.id(), pw);
            }
        }
        return secrets;
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
        return selected.get() instanceof SiteKey sk ? site(sk.id()) : Optional.empty();
    }

    private Optional<SiteProfile> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private void selectionChanged(Key from, Key to) {
        if (from instanceof SiteKey && !(to instanceof SiteKey sk && sk.equals(from))) {
            applyForm(site(((SiteKey) from).id()).orElse(null));
        }
        siteSelected.set(to instanceof SiteKey);
        canEdit.set(to instanceof SiteKey || (to instanceof FolderKey fk && !fk.path().isEmpty()));
        if (to instanceof SiteKey sk) {
            site(sk.id()).ifPresent(p -> form.load(p, passwords.get(p)));
        }
    }

    /** Writes the form into the selected site; false, with the problems shown, when the form is invalid. */
    private boolean applyForm() {
        return applyForm(currentSite().orElse(null));
    }

    private boolean applyForm(SiteProfile target) {
        if (target == null) {
            return true;
        }
        SiteFormParser.Parsed parsed = SiteFormParser.parse(form, target, msg);
        if (parsed instanceof SiteFormParser.Invalid invalid) {
            error.set(msg.format("site.error.notSaved", target.name(), String.join(" ", invalid.problems())));
            return false;
        }
        SiteFormParser.Valid valid = (SiteFormParser.Valid) parsed;
        boolean changed = !valid.profile().equals(target);
        replace(valid.profile());
        error.set("");
        if (!passwords.set(target, valid.password())) {
            return false;
        }
        return !changed || persist();
    }

    private boolean persist() {
        try {
            store.save(List.copyOf(sites), List.copyOf(folders));
            rebuild();
            onSaved.accept(List.copyOf(sites));
            return true;
        } catch (IOException | RuntimeException e) {
            rebuild();
            error.set(msg.format("site.error.save", store.file(), e.getMessage()));
            return false;
        }
    }

    private void rebuild() {
        tree.set(SiteTree.of(sites, folders, search.get()));
    }

    private void replace(SiteProfile p) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).id().equals(p.id())) {
                sites.set(i, p);
            }
        }
    }

    private List<String> targetFolder() {
        Key key = selected.get();
        if (key instanceof FolderKey fk) {
            return fk.path();
        }
        return currentSite().map(SiteProfile::folder).orElse(List.of());
    }

    private void moveFolder(List<String> from, List<String> to) {
        for (SiteProfile s : List.copyOf(sites)) {
            if (FolderPaths.startsWith(s.folder(), from)) {
                replace(s.withFolder(FolderPaths.rebase(s.folder(), from, to)));
            }
        }
        folders.replaceAll(f -> FolderPaths.startsWith(f, from) ? FolderPaths.rebase(f, from, to) : f);
    }

    private boolean validName(String name) {
        if (name.isEmpty() || name.contains("/")) {
            error.set(msg.get("site.error.name"));
            return false;
        }
        return true;
    }
}
