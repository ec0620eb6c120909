package dev.troupe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The structure, derived rather than listed: a service is the package of a {@link TroupeService}
 * configuration, and a module is where a class was loaded from (the starter's and the embedded
 * servers' jars or class folders). Main and test code alike, so a new service, test-only or not,
 * is held to the same rules without an edit here.
 * <ul>
 *   <li>the libraries depend on nothing of the application: the messaging API on nothing, the starter
 *       and the user events on the API alone, the embedded servers and the harness on nothing of Troupe's;</li>
 *   <li>a service's adapters ({@code web}, {@code amqp}, {@code smtp}, one level down) are its own;</li>
 *   <li>outside a service, main code uses only its published API: its events, commands and replies
 *       (records and enums) and its configuration's name;</li>
 *   <li>the parts every process shares (main code outside the services) know no service at all;</li>
 *   <li>outside the starter, main code uses its API only, never a package of its {@code internal}s;
 *       the API itself uses none, and the starter's packages have no cycle.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "dev.troupe")
class ArchitectureTest {

    /**
     * The libraries, each loaded from a jar (or class folder) of its own, found by a class of each:
     * the messaging API (depends on nothing), the starter and the user events (each on the API
     * alone), the embedded servers and the harness (on nothing of Troupe's).
     */
    @ArchTest
    static void theLibrariesDependOnNothingOfTheApplicationAndOnlyOnTheMessagingApi(JavaClasses classes) {
        String api = module(classes.get("dev.troupe.messaging.api.Route"));
        Map<String, Set<String>> allowed = Map.of(
            api, Set.of(),
            module(classes.get("dev.troupe.messaging.internal.MessagingAutoConfiguration")), Set.of(api),
            module(classes.get("dev.troupe.events.UserCreated")), Set.of(api),
            module(classes.get("dev.troupe.embedded.EmbeddedConfiguration")), Set.of(),
            module(classes.get("dev.troupe.harness.ServiceProcess")), Set.of());
        assertThat(allowed).as("each library is a module of its own").hasSize(5);
        allowed.forEach((library, uses) -> noClasses().that(loadedFrom(library))
            .should().dependOnClassesThat(troupeClassNotFrom(library, uses))
            .as("the module at " + library + " depends on no other Troupe module but " + uses).check(classes));
    }

    @ArchTest
    static void aServicesAdaptersAreItsOwn(JavaClasses classes) {
        for (String service : services(classes)) {
            noClasses().that().resideOutsideOfPackage(service + "..")
                .should().dependOnClassesThat().resideInAPackage(service + ".*..")
                .as("nothing outside " + service + " uses its adapters").check(classes);
        }
    }

    /**
     * Main code only: a service that called another's beans would break one process per service.
     * Tests run the whole system in one process and may drive a service's API ({@code UserService}).
     */
    @ArchTest
    static void outsideAServiceOnlyItsPublishedApiIsUsed(JavaClasses classes) {
        for (String service : services(classes)) {
            noClasses().that().resideOutsideOfPackage(service + "..").and(MAIN)
                .should().dependOnClassesThat(DescribedPredicate.describe("internals of " + service,
                    (JavaClass target) -> target.getPackageName().equals(service) && !published(target)))
                .as("outside " + service + " only its events, commands, replies and name are used").check(classes);
        }
    }

    @ArchTest
    static void thePartsEveryProcessSharesKnowNoService(JavaClasses classes) {
        Set<String> services = services(classes);
        noClasses().that(DescribedPredicate.describe("shared main code", (JavaClass type) ->
                services.stream().noneMatch(service -> inPackage(type, service)) && MAIN.test(type)
                    && !type.getPackageName().equals("dev.troupe")))
            .should().dependOnClassesThat(DescribedPredicate.describe("a service", (JavaClass target) ->
                services.stream().anyMatch(service -> inPackage(target, service))))
            .check(classes);
    }

    /** What a user of the starter writes against is its API; its internals may change in any release. */
    @ArchTest
    static void outsideTheStarterOnlyItsApiIsUsed(JavaClasses classes) {
        noClasses().that(MAIN).and(DescribedPredicate.not(loadedFrom(starter(classes))))
            .should().dependOnClassesThat(STARTER_INTERNALS)
            .as("main code outside the starter uses only the starter's API").check(classes);
    }

    @ArchTest
    static void theStartersApiUsesNoneOfItsInternals(JavaClasses classes) {
        noClasses().that(loadedFrom(starter(classes))).and(DescribedPredicate.not(STARTER_INTERNALS))
            .should().dependOnClassesThat(STARTER_INTERNALS)
            .as("the starter's API names none of its internals").check(classes);
    }

    @ArchTest
    static void theStartersPackagesHaveNoCycle(JavaClasses classes) {
        slices().matching("dev.troupe.(**)").should().beFreeOfCycles()
            .as("the starter's packages have no cycle").check(classes.that(loadedFrom(starter(classes))));
    }

    private static final DescribedPredicate<JavaClass> STARTER_INTERNALS = DescribedPredicate.describe(
        "the starter's internals", (JavaClass type) -> type.getPackageName().matches("dev\\.troupe\\.(messaging|outbox)(\\..+)?\\.internal(\\..*)?"));

    private static String starter(JavaClasses classes) {
        return module(classes.get("dev.troupe.messaging.internal.MessagingAutoConfiguration"));
    }

    private static final DescribedPredicate<JavaClass> MAIN = DescribedPredicate.describe("main code",
        (JavaClass type) -> !isTest(type));

    /** The packages of the service configurations: each service's root. */
    private static Set<String> services(JavaClasses classes) {
        Set<String> found = classes.stream().filter(type -> type.isAnnotatedWith(TroupeService.class))
            .map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        // users and user-commands share one package; an empty set would make every rule here vacuous
        if (!found.containsAll(List.of("dev.troupe.coupons", "dev.troupe.gateway", "dev.troupe.mailer", "dev.troupe.users"))) {
            throw new IllegalStateException("expected the packages of the seed's services, found " + found);
        }
        return found;
    }

    private static boolean published(JavaClass type) {
        return type.isRecord() || type.isEnum() || type.isAnnotatedWith(TroupeService.class)
            || type.getEnclosingClass().map(ArchitectureTest::published).orElse(false);
    }

    private static boolean inPackage(JavaClass type, String root) {
        return type.getPackageName().equals(root) || type.getPackageName().startsWith(root + ".");
    }

    private static boolean isTest(JavaClass type) {
        return type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false);
    }

    /** Where the class was loaded from: the class folder or jar, up to its package path. */
    /**
     * Where the class was loaded from: its URI up to its package's folder, the last one, since the
     * path before it may hold {@code dev/troupe/} too (a jar in the local Maven repository, when the
     * app's tests run alone with {@code -pl app}).
     */
    private static String module(JavaClass type) {
        String uri = type.getSource().orElseThrow().getUri().toString();
        return uri.substring(0, uri.lastIndexOf(type.getPackageName().replace('.', '/') + "/"));
    }

    private static DescribedPredicate<JavaClass> loadedFrom(String module) {
        return DescribedPredicate.describe("loaded from " + module, (JavaClass type) -> module(type).equals(module));
    }

    private static DescribedPredicate<JavaClass> troupeClassNotFrom(String module, Set<String> allowed) {
        return DescribedPredicate.describe("a Troupe class of another module", (JavaClass type) ->
            type.getPackageName().startsWith("dev.troupe") && type.getSource().isPresent() && !module(type).equals(module)
                && !allowed.contains(module(type)));
    }
}
