package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;
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

    public FileZillaImport(FileZillaImporter importer, SiteManagerViewModel vm) {
        this.importer = importer;
        this.vm = vm;
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
        List<String> settingsKeys = settingsKeyFiles(file, settingsNotes);
        try (InputStream in = Files.newInputStream(file)) {
            result = importer.read(in, settingsKeys);
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
     * The SFTP key files of FileZilla's settings, from the {@code filezilla.xml} beside the chosen file (FileZilla
     * keeps both in one directory); none when there is no such file. A settings file that cannot be read costs only
     * its keys, with a note.
     */
    private static List<String> settingsKeyFiles(Path siteManagerFile, List<String> notes) {
        Path dir = siteManagerFile.toAbsolutePath().getParent();
        Path settings = dir == null ? null : dir.resolve("filezilla.xml");
        if (settings == null || !Files.isRegularFile(settings)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(settings)) {
            return FileZillaImporter.settingsKeyFiles(in);
        } catch (IOException e) {
            notes.add(settings + ": " + e.getMessage());
            return List.of();
        }
    }
}
