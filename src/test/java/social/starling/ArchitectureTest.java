package social.starling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers pointing one way: api → service → db, and HTTP types out of service/ and db/. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("social.starling");
    }

    @Test
    void servicesAndRepositoriesKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("social.starling.service..", "social.starling.db..",
                        "social.starling.model..", "social.starling.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..",
                        "org.eclipse.jetty..", "social.starling.api..", "social.starling.convert..")
                .check(classes);
    }

    /** Use cases reach other servers through ports (service/account/RemoteActors), never federation/ itself. */
    @Test
    void servicesKnowNothingOfFederation() {
        noClasses().that().resideInAnyPackage("social.starling.service..", "social.starling.db..",
                        "social.starling.model..")
                .should().dependOnClassesThat().resideInAPackage("social.starling.federation..")
                .check(classes);
    }

    @Test
    void repositoriesDoNotCallServices() {
        noClasses().that().resideInAPackage("social.starling.db..")
                .should().dependOnClassesThat().resideInAnyPackage("social.starling.service..",
                        "social.starling.jobs..")
                .check(classes);
    }

    @Test
    void theModelStandsAlone() {
        noClasses().that().resideInAPackage("social.starling.model..")
                .should().dependOnClassesThat().resideInAnyPackage("social.starling.db..",
                        "social.starling.service..", "social.starling.jobs..", "org.jooq..")
                .check(classes);
    }

    @Test
    void convertersArePureMappers() {
        noClasses().that().resideInAPackage("social.starling.convert..")
                .should().dependOnClassesThat().resideInAnyPackage("social.starling.db..", "social.starling.api..",
                        "io.javalin..")
                .check(classes);
    }

    @Test
    void commandsReachTheAppThroughTheirFactoryNotThroughMain() {
        noClasses().that().resideInAPackage("social.starling.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("social.starling.Main")
                .check(classes);
    }
}
