package dev.troupe.support;

import dev.troupe.TroupeApplication;
import dev.troupe.embedded.CapturedMail;
import dev.troupe.embedded.MailCatcher;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.users.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole application on a random port, on the embedded broker,
 * database and mail catcher, or on the real servers in the real-servers execution ({@link ServerSet}).
 * Every test uses fresh e-mail addresses, so the real database needs no cleaning between runs.
 */
@SpringBootTest(classes = TroupeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "troupe.embedded.data-dir=./target/it-data/${random.uuid}",
        "troupe.messaging.retry.initial-delay=200ms",
        "troupe.messaging.retry.max-delay=1s",
        "troupe.messaging.rpc-timeout=1s"
    })
@Import(ExpectedChannelErrors.class)
@ContextConfiguration(initializers = ServerSet.class)
public abstract class TroupeIT {

    /** A user id as the users service gives it: a lower-case, time-ordered (version 7) UUID. */
    protected static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @LocalServerPort
    protected int port;

    @Autowired
    private ObjectProvider<MailCatcher> embeddedMailCatcher;

    @Autowired
    protected JsonMapper json;

    protected RestTestClient http;

    @Autowired
    private ConfirmedPublisher confirmedPublisher;

    @BeforeEach
    void connectClient() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** POSTs {@code body} as JSON. */
    protected RestTestClient.ResponseSpec postJson(String path, Object body, Object... uriVariables) {
        return http.post().uri(path, uriVariables).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** Straight to a queue (through the default exchange), as a redelivery comes; returns the message id. */
    protected String sendToQueue(String queue, String type, String messageId, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        confirmedPublisher.publish("", queue, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return messageId;
    }

    /** The SMTP server the mailer delivers to: the embedded catcher, or the test's own real server. */
    protected MailCatcher mailCatcher() {
        MailCatcher embedded = embeddedMailCatcher.getIfAvailable();
        return embedded != null ? embedded : TestSmtp.server();
    }

    /** Whether mail goes to the embedded catcher (no SMTP server configured), with its page at /mail. */
    protected boolean mailIsEmbedded() {
        return embeddedMailCatcher.getIfAvailable() != null;
    }

    protected List<CapturedMail> mailsTo(String address) {
        return mailCatcher().mails().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    /** The user registered with {@code email}, or null, as the users API shows it. */
    protected User findUserByEmail(String email) {
        List<User> found = http.get().uri("/users/?email={email}", email).exchange()
            .expectStatus().isOk().expectBody(UserList.class).returnResult().getResponseBody().items();
        return found.isEmpty() ? null : found.get(0);
    }

    private record UserList(List<User> items) {
    }

    /** Waits for the message to be parked by the consumer of {@code queue}, as the admin API lists it. */
    protected ParkedMessage awaitParked(String queue, String messageId) {
        return eventually().until(() -> listParked("/admin/parked?queue={queue}&message_id={id}", queue, messageId)
            .stream().findFirst().orElse(null), found -> found != null);
    }

    /** The newest parked messages of {@code queue}, as the admin API lists them. */
    protected List<ParkedMessage> parked(String queue) {
        return listParked("/admin/parked?queue={queue}&size=500", queue);
    }

    private List<ParkedMessage> listParked(String uri, Object... variables) {
        return read(http.get().uri(uri, variables).exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseBody(), new TypeReference<>() {
            });
    }

    /** JSON as the application writes it (snake_case), read with the application's own mapper. */
    protected <T> T read(String body, TypeReference<T> type) {
        return json.readValue(body, type);
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
