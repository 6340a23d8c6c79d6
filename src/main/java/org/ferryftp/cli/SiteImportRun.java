package org.ferryftp.cli;

import org.ferryftp.site.SiteMerge;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSecret;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.importer.FileZillaImporter;
import org.ferryftp.site.store.SiteExchange;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.VaultException;
import org.ferryftp.site.vault.WrongMasterPasswordException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ferry sites import filezilla|ferry FILE}: adds the file's sites to the saved ones (never replacing one: see
 * {@link SiteMerge}), puts their passwords in the credential store, saves atomically, and prints what came over and
 * what did not. The vault is unlocked first, so a refused master password changes nothing; then, under the site
 * file's lock, the sites are merged into the file as it is now (another import at the same time is kept), their
 * passwords stored, and the file saved.
 */
final class SiteImportRun {

    private final CliContext context;

    SiteImportRun(CliContext context) {
        this.context = context;
    }

    /** What a file gave: sites, their passwords by the ids in the file, folders, and notes about what did not come. */
    private record Read(List<SiteProfile> sites, Map<String, String> passwords, List<List<String>> folders,
                        List<String> notes, List<String> skipped) {
    }

    /** What the import added, and how many passwords it stored. */
    private record Imported(SiteMerge.Result merged, int passwords) {
    }

    void run(String format, Path file) throws IOException {
        Read read = switch (format) {
            case "filezilla" -> fileZilla(file);
            case "ferry" -> ferry(file, context.passphrase());
            default -> throw new IllegalArgumentException("ferry sites import takes filezilla or ferry, not \"" + format + "\"");
        };
        context.saved().loaded(); // a damaged site file is reported (and kept aside) before anything changes
        java.util.Optional<SiteProfile> withSecrets = read.sites().stream()
                .filter(s -> !SiteSecret.imported(s.id(), s, read.passwords()).isEmpty()).findFirst();
        if (withSecrets.isPresent()) {
            // Unlocks the vault (asking for its master password) before the site file is locked, not while it is.
            context.saved().credentials().get(SiteSessions.credentialKey(withSecrets.get()));
        }
        // Merged with the site file as it is inside its lock, so an import running at the same time is kept.
        Imported imported = context.saved().store().update(now -> {
            SiteMerge.Result merged = new SiteMerge(() -> UUID.randomUUID().toString()).merge(now.sites(), read.sites());
            int stored = 0;
            for (SiteMerge.Added a : merged.added()) {
                for (Map.Entry<String, String> secret
                        : SiteSecret.imported(a.originalId(), a.added(), read.passwords()).entrySet()) {
                    context.saved().credentials().put(secret.getKey(), secret.getValue());
                    stored++;
                }
            }
            List<List<String>> folders = new ArrayList<>(now.folders());
            read.folders().stream().filter(f -> !folders.contains(f)).forEach(folders::add);
            return new SiteStore.Changed<>(new SiteStore.Contents(merged.all(), folders), new Imported(merged, stored));
        });
        SiteMerge.Result merged = imported.merged();
        int passwords = imported.passwords();
        List<String> renamed = merged.added().stream().filter(SiteMerge.Added::renamed)
                .map(a -> a.originalPath() + " -> " + a.added().path() + " (the name was taken)").toList();
        context.out().println("imported " + merged.added().size() + " site(s) from " + file
                + (passwords > 0 ? "; " + passwords + " password(s) stored in " + context.saved().credentialsWhere() : "")
                + (read.skipped().isEmpty() ? "" : "; " + read.skipped().size() + " not imported"));
        section("renamed:", renamed);
        section("notes:", read.notes());
        section("not imported:", read.skipped());
    }

    private void section(String title, List<String> lines) {
        if (!lines.isEmpty()) {
            context.out().println(title);
            lines.forEach(l -> context.out().println("  " + l));
        }
    }

    private static Read fileZilla(Path file) throws IOException {
        FileZillaImporter.Result result;
        try (InputStream in = Files.newInputStream(file)) {
            result = new FileZillaImporter().read(in);
        }
        List<SiteProfile> sites = new ArrayList<>();
        Map<String, String> passwords = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (FileZillaImporter.ImportedSite s : result.sites()) {
            sites.add(s.profile());
            if (s.password() != null) {
                passwords.put(s.profile().id(), s.password());
            }
            s.warnings().forEach(w -> notes.add(s.profile().path() + ": " + w));
        }
        return new Read(sites, passwords, List.of(), notes, result.skipped());
    }

    private static Read ferry(Path file, ExportPassphrase passphrase) throws IOException {
        SiteExchange.Contents c = SiteExchange.read(file);
        Map<String, String> passwords = Map.of();
        if (c.hasPasswords()) {
            char[] typed = passphrase.forImport(file);
            try {
                passwords = c.passwords(typed);
            } catch (WrongMasterPasswordException e) {
                throw new VaultException("the passphrase does not open the passwords in " + file + "; nothing was imported");
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        }
        return new Read(c.sites(), passwords, c.folders(), List.of(), List.of());
    }
}
