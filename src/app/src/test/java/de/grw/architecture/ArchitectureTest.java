package de.grw.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code base: one engine without user interface, thin front ends over it, packages without cycles.
 * The Maven modules already keep the engine from seeing the front ends (a leak fails compilation); these rules keep
 * the packages inside and across the modules in order. The classes of every module are read from its build output
 * (tests run from the repository's top folder), so the rules see modules this one does not depend on (bench).
 */
class ArchitectureTest {
    /** Packages outside the engine: the front ends and the bench module (generator, evaluation, benchmarks). */
    private static final String[] FRONT_ENDS = {"de.grw.ui..", "de.grw.cli..", "de.grw.bench..", "de.grw.synthetic..",
        "de.grw.evaluation..", "de.grw.server..", "de.grw.spark.."};

    private static final JavaClasses CLASSES = importAll();

    private static JavaClasses importAll() {
        List<Path> outputs = new ArrayList<>();
        for (String module : List.of("engine", "cli", "desktop", "app", "bench", "server", "spark")) {
            Path classes = Path.of("src", module, "target", "classes");
            if (Files.isDirectory(classes)) {
                outputs.add(classes);
            }
        }
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(outputs);
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String p : List.of("de.grw.review", "de.grw.cli", "de.grw.ui", "de.grw")) {
            org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage(p)).as(p).isTrue();
        }
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("de.grw.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEngineUsesNeitherJavaFxNorPicocli() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(FRONT_ENDS).and().resideOutsideOfPackage("de.grw")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "picocli..")
                .because("the engine runs headless: in the command line, on a server and in a Spark job");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheDesktopUsesJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("de.grw.ui..", "de.grw")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");
        rule.check(CLASSES);
    }

    @Test
    void theEngineDoesNotDependOnTheFrontEnds() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(FRONT_ENDS).and().resideOutsideOfPackage("de.grw")
                .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
                .because("the command line, the desktop and the server are thin front ends over the same services");
        rule.check(CLASSES);
    }

    @Test
    void desktopAndCommandLineAreIndependent() {
        noClasses().that().resideInAPackage("de.grw.ui..").should().dependOnClassesThat()
                .resideInAPackage("de.grw.cli..").check(CLASSES);
        noClasses().that().resideInAPackage("de.grw.cli..").should().dependOnClassesThat()
                .resideInAPackage("de.grw.ui..").check(CLASSES);
    }

    @Test
    void loggingGoesThroughSlf4jOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                "org.apache.logging.log4j..", "org.apache.commons.logging..", "ch.qos.logback..")
                .because("SLF4J is the one logging API; the application decides where it goes").check(CLASSES);
    }

    @Test
    void onlyTheCommandLinesWriteToTheConsole() {
        noClasses().that().resideOutsideOfPackages("de.grw.cli..", "de.grw.bench..", "de.grw.synthetic..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the engine and the desktop log through SLF4J; only a command line prints").check(CLASSES);
    }

    @Test
    void onlyTheStoreAndTheRepositoriesHoldSql() {
        noClasses().that().resideOutsideOfPackages(FRONT_ENDS)
                .and().resideOutsideOfPackages("de.grw.store..", "de.grw.importing.db..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .and().haveNameNotMatching(".*Repository\\$.*") // and their nested helpers
                // the append-only logs own their tables; the database export writes into another database
                .and().doNotHaveFullyQualifiedName("de.grw.journal.Journal")
                .and().doNotHaveFullyQualifiedName("de.grw.access.AccessLog")
                .and().doNotHaveFullyQualifiedName("de.grw.export.DatabaseExporter")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.ResultSet")
                .because("services and commands call repositories; SQL text lives in the store and the repositories "
                        + "(SQLite-only syntax in store.SqliteDialect), so that another store can replace them")
                .check(CLASSES);
    }
}
