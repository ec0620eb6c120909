package dev.troupe.outbox;

import dev.troupe.TroupeApplication;
import dev.troupe.embedded.EmbeddedBroker;
import dev.troupe.embedded.FreePort;
import dev.troupe.support.TcpProxy;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded broker, started by the test behind its proxy. */
@SpringBootTest(classes = TroupeApplication.class, properties = {
    "troupe.embedded.data-dir=./target/it-data/${random.uuid}",
    "troupe.outbox.poll-interval=1h"
})
@DirtiesContext
class BrokerOutageIT extends BrokerOutageContract {

    private static EmbeddedBroker broker;
    private static TcpProxy proxy;

    @DynamicPropertySource
    static void brokerBehindProxy(DynamicPropertyRegistry registry) throws Exception {
        broker = new EmbeddedBroker(FreePort.any(), Path.of("target", "it-data", "outage-broker"));
        broker.start();
        proxy = new TcpProxy(broker.port());
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", proxy::port);
    }

    @AfterAll
    static void stopBroker() {
        proxy.close();
        broker.stop();
    }

    @Override
    protected TcpProxy proxy() {
        return proxy;
    }

    @Override
    protected int brokerPort() {
        return broker.port();
    }
}
