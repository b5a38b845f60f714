package social.starling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the ActivityPub serving code (beside {@link ArchitectureTest}): AS2 records know only Jackson;
 * the model → AS2 mappers know only the model, the AS2 records and Jackson; services never see AS2 records.
 */
class FederationLayersTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("social.starling");
    }

    @Test
    void vocabularyIsPlainRecords() {
        classes().that().resideInAPackage("social.starling.federation.vocab..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "social.starling.federation.vocab..")
                .check(classes);
    }

    @Test
    void activityPubMappersArePure() {
        classes().that().haveSimpleNameStartingWith("ActorMapper").or().haveSimpleNameStartingWith("NoteMapper")
                .or().haveSimpleNameStartingWith("ActivityMapper").or().haveSimpleNameStartingWith("CollectionMapper")
                .or().haveSimpleNameStartingWith("WebFingerMapper").or().haveSimpleNameStartingWith("As2Times")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "social.starling.model..", "social.starling.federation.vocab..", "social.starling.convert")
                .check(classes);
    }

    @Test
    void servicesNeverSeeActivityStreams() {
        noClasses().that().resideInAnyPackage("social.starling.service..", "social.starling.db..",
                        "social.starling.model..", "social.starling.jobs..")
                .should().dependOnClassesThat().resideInAPackage("social.starling.federation.vocab..")
                .check(classes);
    }
}
