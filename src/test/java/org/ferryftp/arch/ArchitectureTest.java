package org.ferryftp.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the package architecture the README's Layout section describes: javafx.scene only in ui/app, dependencies one way. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ferryftp");
    }

    @Test
    void onlyUiAndAppUseJavaFxScene() {
        noClasses().that().resideOutsideOfPackages("org.ferryftp.ui..", "org.ferryftp.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .allowEmptyShould(true).check(classes);
    }

    /**
     * Ferry's data connections are its own (DataConnector): Commons Net's FTPClient, whose retrieveFile/storeFile
     * and friends would open them behind Ferry's back, is not used; the control connection is built on the
     * protocol layer (FTP) alone.
     */
    @Test
    void commonsNetIsUsedForTheControlDialogueOnly() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.net.ftp.FTPClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.net.ftp.FTPSClient")
                .check(classes);
    }

    @Test
    void ftpDependsOnNothingAbove() {
        noClasses().that().resideInAPackage("org.ferryftp.ftp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ferryftp.fs..", "org.ferryftp.site..",
                        "org.ferryftp.transfer..", "org.ferryftp.ui..", "org.ferryftp.cli..", "org.ferryftp.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void sessionDependsOnNothingOfFerrys() {
        noClasses().that().resideInAPackage("org.ferryftp.session..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ferryftp.ftp..", "org.ferryftp.sftp..",
                        "org.ferryftp.fs..", "org.ferryftp.site..", "org.ferryftp.transfer..", "org.ferryftp.ui..",
                        "org.ferryftp.cli..", "org.ferryftp.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void sftpDependsOnNothingAbove() {
        // Beside ftp, not on it: what the two protocols share lives in session.
        noClasses().that().resideInAPackage("org.ferryftp.sftp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ferryftp.ftp..", "org.ferryftp.fs..",
                        "org.ferryftp.site..",
                        "org.ferryftp.transfer..", "org.ferryftp.ui..", "org.ferryftp.cli..", "org.ferryftp.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void fsDependsOnlyOnFtp() {
        noClasses().that().resideInAPackage("org.ferryftp.fs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ferryftp.site..",
                        "org.ferryftp.transfer..", "org.ferryftp.ui..", "org.ferryftp.cli..", "org.ferryftp.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void transferAndSiteDoNotDependOnFrontEnds() {
        noClasses().that().resideInAnyPackage("org.ferryftp.transfer..", "org.ferryftp.site..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ferryftp.ui..", "org.ferryftp.cli..",
                        "org.ferryftp.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void frontEndsDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.ferryftp.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.ferryftp.ui..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.ferryftp.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.ferryftp.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheJsonCodecsUseJackson() {
        // Keeps Jackson off the start-up path of everything that does not read or write JSON files.
        noClasses().that().haveNameNotMatching(
                        "org\\.ferryftp\\.(transfer\\.journal\\.JournalCodec|site\\.store\\.SiteJson|app\\.StateDumpJson)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void everythingLogsThroughSlf4jAndOnlyTheSetUpKnowsLogback() {
        noClasses().that().haveNameNotMatching("org\\.ferryftp\\.app\\.(AppLogging|FerryLogConfigurator)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(classes);
    }
}
