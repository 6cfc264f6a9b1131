package de.grw.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: only the desktop front end may use JavaFX. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.grw");

    @Test
    void nothingOutsideTheUiUsesJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("de.grw.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("the engine and the command line must run headless and later as a Spark job");
        rule.check(CLASSES);
    }

    @Test
    void theEngineDoesNotDependOnTheFrontEnds() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("de.grw.ui..", "de.grw.cli..", "de.grw")
                .should().dependOnClassesThat().resideInAnyPackage("de.grw.ui..", "de.grw.cli..")
                .because("the command line and the desktop are thin front ends over the same services");
        rule.check(CLASSES);
    }
}
