package social.starling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers pointing one way: api → service → db, HTTP types out of service/ and db/, SQL in db/ only, and
 * convert/ a pure function of model/.
 */
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

    /** Only db/ writes SQL: no jOOQ and no generated schema classes anywhere else (support/ warms jOOQ up). */
    @Test
    void onlyTheDatabaseLayerKnowsSql() {
        noClasses().that().resideInAnyPackage("social.starling.service..", "social.starling.jobs..",
                        "social.starling.model..", "social.starling.convert..", "social.starling.api..",
                        "social.starling.text..", "social.starling.config..", "social.starling.cli..",
                        "social.starling.wiring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "social.starling.db.schema..")
                .check(classes);
    }

    /** Mappers see the model and nothing else: what they map is handed to them (no services, config, support). */
    @Test
    void convertersDependOnTheModelOnly() {
        classes().that().resideInAPackage("social.starling.convert..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("social.starling.model..",
                        "social.starling.convert..", "java..", "com.fasterxml.jackson.annotation..",
                        // AccountApiMapper keeps the entity of an account row (an identity cache, no layer)
                        "com.github.benmanes.caffeine.cache..",
                        // the AS2 mappers build the ActivityPub records of federation/vocab (FederationLayersTest)
                        "social.starling.federation.vocab..")
                .check(classes);
    }

    /** The API is the outermost layer: nothing beneath it imports it. */
    @Test
    void nothingBeneathTheApiImportsIt() {
        noClasses().that().resideInAnyPackage("social.starling.service..", "social.starling.db..",
                        "social.starling.model..", "social.starling.jobs..", "social.starling.convert..",
                        "social.starling.text..", "social.starling.config..")
                .should().dependOnClassesThat().resideInAPackage("social.starling.api..")
                .check(classes);
    }

    @Test
    void commandsReachTheAppThroughTheirFactoryNotThroughMain() {
        noClasses().that().resideInAPackage("social.starling.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("social.starling.Main")
                .check(classes);
    }
}
