package dev.troupe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the services out of each other's internals. A service's top-level package is its public
 * face (commands, events, the service API, its configuration); its adapters one level down
 * (web, amqp, smtp) belong to it alone.
 */
@AnalyzeClasses(packages = "dev.troupe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule usersDependsOnNoOtherService = noClasses()
        .that().resideInAPackage("dev.troupe.users..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.troupe.gateway..", "dev.troupe.mailer..", "dev.troupe.coupons..", "dev.troupe.embedded..");

    @ArchTest
    static final ArchRule usersAdaptersArePrivate = adaptersOnlyUsedWithin("users");

    @ArchTest
    static final ArchRule gatewayAdaptersArePrivate = adaptersOnlyUsedWithin("gateway");

    @ArchTest
    static final ArchRule mailerAdaptersArePrivate = adaptersOnlyUsedWithin("mailer");

    @ArchTest
    static final ArchRule couponsAdaptersArePrivate = adaptersOnlyUsedWithin("coupons");

    @ArchTest
    static final ArchRule operationsAdaptersArePrivate = adaptersOnlyUsedWithin("operations");

    @ArchTest
    static final ArchRule nothingDependsOnCoupons = noClasses()
        .that().resideOutsideOfPackage("dev.troupe.coupons..").and().resideOutsideOfPackage("dev.troupe")
        .should().dependOnClassesThat().resideInAPackage("dev.troupe.coupons..");

    @ArchTest
    static final ArchRule sharedInfrastructureKnowsNoService = noClasses()
        .that().resideInAnyPackage("dev.troupe.messaging..", "dev.troupe.web..", "dev.troupe.embedded..",
            "dev.troupe.outbox..", "dev.troupe.operations..", "dev.troupe.schema..", "dev.troupe.startup..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.troupe.users..", "dev.troupe.gateway..", "dev.troupe.mailer..", "dev.troupe.coupons..");

    @ArchTest
    static final ArchRule gatewayAndMailerIgnoreEachOther = noClasses()
        .that().resideInAPackage("dev.troupe.gateway..")
        .should().dependOnClassesThat().resideInAPackage("dev.troupe.mailer..")
        .andShould().dependOnClassesThat().resideInAPackage("dev.troupe.embedded..");

    private static ArchRule adaptersOnlyUsedWithin(String service) {
        String root = "dev.troupe." + service;
        return noClasses()
            .that().resideOutsideOfPackage(root + "..")
            .should().dependOnClassesThat().resideInAPackage(root + ".*..")
            .as("nothing outside " + root + " uses its adapters");
    }
}
