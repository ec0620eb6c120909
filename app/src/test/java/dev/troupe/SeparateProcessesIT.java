package dev.troupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.harness.ServiceProcess;
import dev.troupe.embedded.MailCatcher;
import dev.troupe.console.ConsoleConfiguration;
import dev.troupe.support.HomePageLinks;
import dev.troupe.coupons.CouponsConfiguration;
import dev.troupe.gateway.GatewayConfiguration;
import dev.troupe.mailer.MailerConfiguration;
import dev.troupe.support.RealServers;
import dev.troupe.users.UserCommandsConfiguration;
import dev.troupe.users.UsersConfiguration;
import dev.troupe.support.TestSmtp;
import dev.troupe.users.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The built jar as five JVM processes, one service each, on the real RabbitMQ and PostgreSQL and
 * a real SMTP server: the seed's flow must work across them exactly as in one process.
 */
@EnabledIfEnvironmentVariable(named = RealServers.SWITCH, matches = "true")
class SeparateProcessesIT {

    private static final Path JAR = Path.of("target", "troupe.jar");
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static MailCatcher smtp;

    private static final String GATEWAY = GatewayConfiguration.NAME;
    private static final String USERS = UsersConfiguration.NAME;
    private static final String USER_COMMANDS = UserCommandsConfiguration.NAME;
    private static final String MAILER = MailerConfiguration.NAME;
    private static final String COUPONS = CouponsConfiguration.NAME;

    @BeforeAll
    static void startServices() throws IOException {
        assertThat(JAR).as("the packaged jar (mvn verify packages it first)").exists();
        smtp = TestSmtp.server();
        // every service of the choreography on the class path, each in its own JVM; the console, the operator's
        // page, is not one of them (ConsoleIT)
        assertThat(ServiceCatalog.names()).containsExactlyInAnyOrder(GATEWAY, USERS, USER_COMMANDS, MAILER, COUPONS,
            ConsoleConfiguration.NAME);
        for (String service : ServiceCatalog.names().stream().filter(name -> !name.equals(ConsoleConfiguration.NAME)).toList()) {
            Files.deleteIfExists(Path.of("target", "processes", service + ".log"));
            services.put(service, start(service, smtp.port()));
        }
        services.values().forEach(process -> process.awaitHealthy(Duration.ofSeconds(180)));
    }

    @AfterAll
    static void stopServices() {
        services.values().forEach(ServiceProcess::stop);
    }

    @Test
    void theSeedsFlowRunsAcrossSeparateProcesses() {
        RestTestClient gateway = http(services.get(GATEWAY));
        RestTestClient users = http(services.get(USERS));
        String email = "processes-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";

        gateway.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Four Processes", "email", email)).exchange().expectStatus().isAccepted();

        User user = await().until(() -> findByEmail(users, email), found -> found != null);
        assertThat(user.name()).isEqualTo("Four Processes");
        await().until(() -> smtp.mails().stream().filter(mail -> mail.to().contains(email)).count() == 1);
        RestTestClient coupons = http(services.get(COUPONS));
        await().until(() -> coupons.get().uri("/coupons?user_id={id}", user.id()).exchange()
            .returnResult(String.class).getStatus().value() == 200);

        gateway.delete().uri("/external_users/{id}", user.id()).exchange().expectStatus().isAccepted();
        await().until(() -> users.get().uri("/users/{id}", user.id()).exchange()
            .returnResult(String.class).getStatus().value() == 404);
    }

    @Test
    void eachProcessServesOnlyItsOwnService() {
        http(services.get(GATEWAY)).get().uri("/users/").exchange().expectStatus().isNotFound();
        http(services.get(USERS)).post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Wrong Door", "email", "wrong@example.com")).exchange().expectStatus().isNotFound();
    }

    /** Each process's start-up report and home page name only the routes it serves, and every link works. */
    @Test
    void eachProcessReportsAndLinksOnlyWhatItServes() throws IOException {
        Map<String, List<String>> apis = Map.of(
            GATEWAY, List.of("/admin/parked/", "/external_users/"),
            USERS, List.of("/admin/parked/", "/users/"),
            USER_COMMANDS, List.of("/admin/parked/"),
            MAILER, List.of("/admin/parked/"),
            COUPONS, List.of("/admin/parked/", "/coupons/"));
        for (ServiceProcess process : services.values()) {
            String base = "http://localhost:" + process.port();
            List<String> expected = apis.get(process.services()).stream().map(path -> base + path).toList();
            String report = await().until(() -> startupReport(process), lines -> lines != null);
            assertThat(report).as(process.services()).contains("running [" + process.services() + "]");
            String apiLine = report.lines().filter(line -> line.startsWith("  API:")).findFirst().orElseThrow();
            assertThat(apiLine.substring("  API:".length()).trim().split("\\s+")).as(process.services())
                .containsExactlyInAnyOrderElementsOf(expected);
            List<String> links = HomePageLinks.ofHomePage(http(process));
            assertThat(links).as(process.services()).contains("/admin/parked/", "/actuator/health").doesNotContain("/mail");
            assertThat(HomePageLinks.text(http(process))).as(process.services())
                .contains(apis.get(process.services()).toArray(String[]::new));
            assertThat(links.contains("/users/")).as(process.services()).isEqualTo(process.services().equals(USERS));
        }
    }

    /** The gateway's process has no /users/: a user created with Prefer: wait gets no Location there, only its status. */
    @Test
    void theGatewayAloneGivesNoLocationItDoesNotServe() {
        String email = "located-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        var created = http(services.get(GATEWAY)).post().uri("/external_users/").header("Prefer", "wait=20")
            .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Located", "email", email)).exchange()
            .expectStatus().isCreated().returnResult(String.class);
        assertThat(created.getResponseHeaders().getLocation()).isNull();
        String status = created.getResponseHeaders().getFirst("Content-Location");
        http(services.get(GATEWAY)).get().uri(status).exchange().expectStatus().isOk();
    }

    private static User findByEmail(RestTestClient users, String email) {
        List<User> found = users.get().uri("/users/?email={email}", email).exchange()
            .expectStatus().isOk().expectBody(UserList.class).returnResult().getResponseBody().items();
        return found.isEmpty() ? null : found.get(0);
    }

    private static org.awaitility.core.ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    record UserList(List<User> items) {
    }

    private static ServiceProcess start(String service, int smtpPort) throws IOException {
        return ServiceProcess.start(JAR, service, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), List.of(
            "--spring.rabbitmq.host=" + RealServers.Initializer.rabbitHost(),
            "--spring.datasource.url=" + RealServers.Initializer.postgresUrl(),
            "--spring.datasource.username=" + RealServers.Initializer.postgresUser(),
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort), Path.of("target", "processes", service + ".log"));
    }

    /** The start-up report in a process's output, once it has been written. */
    private static String startupReport(ServiceProcess process) throws IOException {
        String output = Files.readString(process.log());
        int start = output.indexOf("Troupe is up");
        int end = start < 0 ? -1 : output.indexOf("  home:", start);
        return end < 0 ? null : output.substring(start, output.indexOf('\n', end));
    }

    private static RestTestClient http(ServiceProcess process) {
        return RestTestClient.bindToServer().baseUrl(process.base()).build();
    }
}
