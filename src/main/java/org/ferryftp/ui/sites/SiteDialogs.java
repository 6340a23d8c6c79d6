package org.ferryftp.ui.sites;

import java.nio.file.Path;
import java.util.Optional;

/** The site manager's questions to the user, behind an interface so the view model is tested without windows. */
public interface SiteDialogs {

    /** Asks for a name (new folder, rename); empty when cancelled. */
    Optional<String> askName(String title, String header, String initial);

    /** Asks to confirm a deletion described by {@code what}. */
    boolean confirmDelete(String what);

    /** Lets the user pick FileZilla's sitemanager.xml; empty when cancelled. */
    Optional<Path> chooseFileZillaFile();

    /** Lets the user pick an SSH private key file, starting near {@code current} or in {@code ~/.ssh}; empty when cancelled. */
    Optional<Path> chooseKeyFile(String current);

    /** Lets the user pick a Ferry site file (an export or a sites.json) to import; empty when cancelled. */
    Optional<Path> chooseFerryFile();

    /** Lets the user choose where to export the sites; empty when cancelled. */
    Optional<Path> chooseExportFile();

    /** Asks whether the export should include the saved passwords (encrypted with a passphrase); empty when cancelled. */
    Optional<Boolean> askExportPasswords();

    /**
     * Asks for the passphrase that encrypts exported passwords ({@code creating}: typed twice and confirmed) or
     * opens them on import; empty when cancelled.
     */
    Optional<String> askPassphrase(boolean creating);

    /**
     * Asks whether an imported proxy ({@code imported}) should replace Ferry's default proxy ({@code current});
     * false keeps the current one.
     */
    boolean confirmReplaceDefaultProxy(String current, String imported);

    /** Shows a summary (import results). */
    void showInfo(String title, String text);
}
