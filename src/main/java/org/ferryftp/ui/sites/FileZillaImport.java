package org.ferryftp.ui.sites;

import org.ferryftp.site.DefaultProxyStore;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.importer.FileZillaImporter;
import org.ferryftp.ui.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Import from FileZilla…": reads the chosen {@code sitemanager.xml}, adds its sites (readable
 * passwords go to the credential store), saves, and tells the user what came over and what did not.
 */
public final class FileZillaImport {

    private final FileZillaImporter importer;
    private final SiteManagerViewModel vm;
    /** Where FileZilla's proxy goes; null when the default proxy cannot be changed from here. */
    private final DefaultProxyStore defaultProxy;

    public FileZillaImport(FileZillaImporter importer, SiteManagerViewModel vm) {
        this(importer, vm, null);
    }

    /** @param defaultProxy receives FileZilla's generic proxy (null: it is only mentioned) */
    public FileZillaImport(FileZillaImporter importer, SiteManagerViewModel vm, DefaultProxyStore defaultProxy) {
        this.importer = importer;
        this.vm = vm;
        this.defaultProxy = defaultProxy;
    }

    public void run() {
        if (!vm.applyFormForImport()) {
            return;
        }
        Optional<Path> file = vm.dialogs().chooseFileZillaFile();
        if (file.isPresent()) {
            importFrom(file.get());
        }
    }

    void importFrom(Path file) {
        Messages msg = vm.messages();
        FileZillaImporter.Result result;
        List<String> settingsNotes = new ArrayList<>();
        FileZillaImporter.Settings settings = settings(file, settingsNotes);
        try (InputStream in = Files.newInputStream(file)) {
            result = importer.read(in, settings.keyFiles());
        } catch (IOException e) {
            vm.dialogs().showInfo(msg.get("site.import.title"), msg.format("site.import.failed", file, e.getMessage()));
            return;
        }
        List<SiteProfile> sites = new ArrayList<>();
        Map<String, String> passwords = new HashMap<>();
        List<String> notes = new ArrayList<>(settingsNotes);
        for (FileZillaImporter.ImportedSite s : result.sites()) {
            sites.add(s.profile());
            if (s.password() != null) {
                passwords.put(s.profile().id(), s.password());
            }
            for (String w : s.warnings()) {
                notes.add(s.profile().path() + ": " + w);
            }
        }
        List<org.ferryftp.site.SiteMerge.Added> added = vm.addImported(sites, passwords, List.of());
        if (settings.proxy() != null) {
            notes.add(importProxy(settings, msg));
        }
        StringBuilder text = new StringBuilder(msg.format("site.import.count", sites.size()));
        FerryFileExchange.appendRenamed(text, added, msg);
        if (!notes.isEmpty()) {
            text.append("\n\n").append(msg.get("site.import.warnings")).append('\n');
            notes.forEach(n -> text.append("\u2022 ").append(n).append('\n'));
        }
        if (!result.skipped().isEmpty()) {
            text.append("\n").append(msg.get("site.import.skipped")).append('\n');
            result.skipped().forEach(n -> text.append("\u2022 ").append(n).append('\n'));
        }
        vm.setStatus(msg.format("site.import.count", sites.size()));
        vm.dialogs().showInfo(msg.get("site.import.title"), text.toString().strip());
    }

    /**
     * FileZilla's generic proxy becomes Ferry's default proxy, which the imported sites follow unless FileZilla let
     * them bypass it. A different default Ferry already has is replaced only when the user says so.
     */
    private String importProxy(FileZillaImporter.Settings settings, Messages msg) {
        SiteProxy imported = settings.proxy();
        String name = imported.settings("").display() + (imported.user().isEmpty() ? "" : " (" + imported.user() + ")");
        if (defaultProxy == null) {
            return msg.format("site.import.proxy.notImported", name);
        }
        SiteProxy current = defaultProxy.current();
        if (imported.equals(current)) {
            return msg.format("site.import.proxy.same", name);
        }
        if (current != null && !vm.dialogs().confirmReplaceDefaultProxy(current.settings("").display(), name)) {
            return msg.format("site.import.proxy.kept", current.settings("").display(), name);
        }
        try {
            defaultProxy.set(imported, settings.proxyPassword());
            return msg.format("site.import.proxy.set", name);
        } catch (IOException e) {
            return msg.format("site.import.proxy.failed", name, e.getMessage());
        }
    }

    /**
     * FileZilla's settings ({@code filezilla.xml}) beside the chosen file (FileZilla keeps both in one directory):
     * SFTP key files and the proxy; none when there is no such file. A settings file that cannot be read costs only
     * those, with a note.
     */
    private static FileZillaImporter.Settings settings(Path siteManagerFile, List<String> notes) {
        FileZillaImporter.Settings none = new FileZillaImporter.Settings(List.of(), null, "", List.of());
        Path dir = siteManagerFile.toAbsolutePath().getParent();
        Path settings = dir == null ? null : dir.resolve("filezilla.xml");
        if (settings == null || !Files.isRegularFile(settings)) {
            return none;
        }
        try (InputStream in = Files.newInputStream(settings)) {
            FileZillaImporter.Settings read = FileZillaImporter.settings(in);
            read.warnings().forEach(w -> notes.add(settings.getFileName() + ": " + w));
            return read;
        } catch (IOException e) {
            notes.add(settings + ": " + e.getMessage());
            return none;
        }
    }
}
