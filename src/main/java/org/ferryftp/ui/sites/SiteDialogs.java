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

    /** Shows a summary (import results). */
    void showInfo(String title, String text);
}
