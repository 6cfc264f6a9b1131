package de.grw.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** The desktop and the command line: they reach a workspace only through the service interfaces. */
    private static final String[] CLIENTS = {"de.grw.ui..", "de.grw.cli.."};

    /**
     * Engine packages a front end may use whole, because they hold no workspace: the service interfaces, the
     * shared kernel (texts, user-facing errors, progress and cancellation, atomic files), the match profile, and the
     * readers of files and databases that the front end runs on its own inputs (preview, mapping, saved
     * connections) before it hands the bytes to an import.
     */
    private static final String[] CLIENT_LIBRARIES = {"de.grw.api", "de.grw.common", "de.grw.profile",
        "de.grw.importing"};

    /**
     * Engine values the service interfaces take and return, with their nested types: the review's read models and
     * decision commands, the statuses, roles and permissions, the governance settings, journal entries and their
     * check, the export's options and result. Records and enums; each travels as JSON (ApiJsonRoundTripTest).
     * Besides, {@code JournalFile} verifies an exported journal file, which needs no workspace ({@code TreeHead}
     * and {@code LedgerKey} read a kept tree head and public key and check its consistency proof and signature), and
     * {@code JournalSentences} words journal and access-log entries (no I/O); the normalisers ({@code Normaliser},
     * {@code Normalisers}) are pure functions registered by name, so that the review grid's "equal after
     * normalising" is the matching's own verdict, not a copy in the front end. The decision commands
     * use repositories in their {@code apply} and {@code revert}, which need a transaction only the engine opens; a
     * front end builds them and hands them to {@code ReviewApi.propose}.
     */
    private static final Set<String> CLIENT_VALUES = Set.of(
            "de.grw.review.ReviewViews", "de.grw.review.MemberRecord", "de.grw.review.GoldenValue",
            "de.grw.review.FieldChoice", "de.grw.review.ComparisonTable", "de.grw.review.Equality",
            "de.grw.review.DecisionKind", "de.grw.review.DecisionState", "de.grw.review.DecisionPayload",
            "de.grw.review.DecisionCommand", "de.grw.review.MergeCommand", "de.grw.review.NotDuplicateCommand",
            "de.grw.review.SplitCommand", "de.grw.review.DeferCommand", "de.grw.review.ExplanationText",
            "de.grw.workspace.ClusterStatus", "de.grw.workspace.GovernanceConfig",
            "de.grw.rights.Role", "de.grw.rights.Permission", "de.grw.rights.AccessDeniedException",
            "de.grw.journal.JournalEntry", "de.grw.journal.JournalVerifier", "de.grw.journal.JournalFile",
            "de.grw.journal.JournalSentences", "de.grw.ledger.TreeHead", "de.grw.ledger.LedgerKey",
            "de.grw.export.ExportFormat", "de.grw.export.ExportOptions", "de.grw.export.ExportResult",
            "de.grw.linking.LinkViews", "de.grw.review.BulkViews",
            "de.grw.normalising.Normaliser", "de.grw.normalising.Normalisers",
            // issue 15: a model version as supervisors see it, and the queue's order
            "de.grw.versions.ModelVersionView", "de.grw.review.QueueMode");

    /**
     * The one documented exception: {@code grw match} on files (no workspace: it reads the inputs and writes the
     * clusters to files) runs the matching engine in the command line's own process.
     */
    private static final String FILE_MATCHING = "de.grw.cli.MatchCommand";

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
        for (String p : List.of("de.grw.review", "de.grw.cli", "de.grw.ui", "de.grw.server", "de.grw")) {
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
    void desktopCommandLineAndServerAreIndependent() {
        String[] frontEnds = {"de.grw.ui..", "de.grw.cli..", "de.grw.server.."};
        for (String one : frontEnds) {
            for (String other : frontEnds) {
                if (!one.equals(other)) {
                    noClasses().that().resideInAPackage(one).should().dependOnClassesThat().resideInAPackage(other)
                            .because("only the launcher chooses between the front ends").check(CLASSES);
                }
            }
        }
    }

    @Test
    void picocliOnlyInTheCommandLineAndNoDesktopInTheServer() {
        noClasses().that().resideInAPackage("de.grw.server..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "picocli..")
                .because("the server runs headless, on a machine without a display").check(CLASSES);
        noClasses().that().resideOutsideOfPackages("de.grw.cli..", "de.grw.bench..", "de.grw.synthetic..",
                        "de.grw.evaluation..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(CLASSES);
    }

    @Test
    void theServerReachesTheEngineOnlyThroughTheServiceInterfaces() {
        // like the desktop and the command line: de.grw.api (its local implementation over the server's store, a
        // SignedIn per session), the client libraries and the listed values; never a service, the store, a
        // repository or an engine Session, so the server calls exactly the services the desktop calls
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                "outside the engine, in the server, in de.grw.api, a client library or a listed value type", c -> {
                    String top = topLevel(c);
                    if (!inPackage(top, "de.grw") || inPackage(top, "de.grw.server")) {
                        return true;
                    }
                    for (String pkg : CLIENT_LIBRARIES) {
                        if (inPackage(top, pkg)) {
                            return true;
                        }
                    }
                    return CLIENT_VALUES.contains(top);
                });
        classes().that().resideInAPackage("de.grw.server..")
                .should().onlyDependOnClassesThat(allowed)
                .orShould().dependOnClassesThat(REACHES_THE_STORE)
                .because("the server calls exactly the services the desktop and the command line call")
                .check(CLASSES);
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
                // the server's command line prints where it listens and its certificate's fingerprint
                .and().doNotHaveFullyQualifiedName("de.grw.server.ServerLauncher")
                // the desktop's launcher says in one line why no window could open (no GTK 3, no display)
                .and().doNotHaveFullyQualifiedName("de.grw.ui.DesktopLauncher")
                // the Spark job's command line prints its figures and its usage
                .and().doNotHaveFullyQualifiedName("de.grw.spark.SparkMatchMain")
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

    /** The top-level class of a class (itself, or the class a nested one is declared in), arrays by their element. */
    private static String topLevel(JavaClass c) {
        String name = (c.isArray() ? c.getBaseComponentType() : c).getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static boolean inPackage(String className, String pkg) {
        return className.startsWith(pkg + ".");
    }

    /** Engine classes that reach a store: the store, the repositories, and every class using them (the services). */
    private static final DescribedPredicate<JavaClass> REACHES_THE_STORE = DescribedPredicate.describe(
            "the store, a repository, or an engine class that uses one (a service implementation)", c -> {
                if (isStoreOrRepository(c)) {
                    return true;
                }
                // the service interfaces' local implementation reaches the store by design: it is what they wrap
                return inPackage(c.getName(), "de.grw") && !inPackage(c.getName(), "de.grw.api")
                        && !inPackage(c.getName(), "de.grw.ui") && !inPackage(c.getName(), "de.grw.cli")
                        && !CLIENT_VALUES.contains(topLevel(c))
                        && c.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> isStoreOrRepository(d.getTargetClass()));
            });

    private static final DescribedPredicate<JavaClass> NOT_FILE_MATCHING = DescribedPredicate.describe(
            "not " + FILE_MATCHING + " (with its nested classes)", c -> !topLevel(c).equals(FILE_MATCHING));

    private static boolean isStoreOrRepository(JavaClass c) {
        String top = topLevel(c);
        return inPackage(top, "de.grw.store") || top.endsWith("Repository");
    }

    @Test
    void frontEndsReachTheWorkspaceOnlyThroughTheServiceInterfaces() {
        noClasses().that().resideInAnyPackage(CLIENTS)
                .should().dependOnClassesThat(REACHES_THE_STORE)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("de.grw.rights.Session")
                .because("the desktop and the command line use de.grw.api, whose SignedIn holds the session; the "
                        + "same screens and commands then work against a workspace server")
                .check(CLASSES);
    }

    @Test
    void frontEndsUseOnlyTheServiceInterfacesAndListedValues() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                "outside the engine, in de.grw.api, a client library or a listed value type", c -> {
                    String top = topLevel(c);
                    if (!inPackage(top, "de.grw") || inPackage(top, "de.grw.ui") || inPackage(top, "de.grw.cli")) {
                        return true;
                    }
                    for (String pkg : CLIENT_LIBRARIES) {
                        if (inPackage(top, pkg)) {
                            return true;
                        }
                    }
                    return CLIENT_VALUES.contains(top);
                });
        classes().that().resideInAnyPackage(CLIENTS).and(NOT_FILE_MATCHING)
                .should().onlyDependOnClassesThat(allowed)
                .because("the front ends see the engine's values and the service interfaces, nothing of how a "
                        + "workspace is stored or served (the list is in this test, with its reasons)")
                .check(CLASSES);
    }

    @Test
    void onlyFileMatchingRunsTheMatchingEngineInAFrontEnd() {
        noClasses().that().resideInAnyPackage(CLIENTS).and(NOT_FILE_MATCHING)
                .should().dependOnClassesThat().resideInAPackage("de.grw.matching..")
                .because("a workspace is matched through MatchingApi; only grw match on files runs the engine")
                .check(CLASSES);
    }
}
