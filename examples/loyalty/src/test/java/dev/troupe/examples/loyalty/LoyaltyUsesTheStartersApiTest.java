package dev.troupe.examples.loyalty;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * A service of another team writes against the starter's API (dev.troupe.messaging, .parking,
 * dev.troupe.outbox, dev.troupe.messaging.api) and the event contract, never against the
 * starter's internals, which may change in any release: the rule an adopter would keep too.
 */
@AnalyzeClasses(packages = "dev.troupe.examples.loyalty", importOptions = ImportOption.DoNotIncludeTests.class)
class LoyaltyUsesTheStartersApiTest {

    @ArchTest
    static final ArchRule onlyTheStartersApi = noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.troupe.messaging..internal..", "dev.troupe.outbox..internal..")
        .as("the loyalty service uses none of the starter's internals");
}
