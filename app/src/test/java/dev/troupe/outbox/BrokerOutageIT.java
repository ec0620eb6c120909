package dev.troupe.outbox;

import dev.troupe.support.EmbeddedServers;
import dev.troupe.TroupeApplication;
import dev.troupe.embedded.EmbeddedBroker;
import dev.troupe.embedded.FreePort;
import dev.troupe.harness.TcpProxy;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded broker, started by the test behind its proxy. */
@SpringBootTest(classes = TroupeApplication.class, properties = {
    "troupe.embedded.data-dir=./target/it-data/${random.uuid}",
    "troupe.outbox.poll-interval=1h",
    // the outbox is under test, not the consumers: started, each would be cut with the broker and
    // log the lost connection as a warning with a stack trace, and keep reconnecting
    "spring.rabbitmq.listener.simple.auto-startup=false"
})
@Import(BrokerOutageIT.StoppedWithTheContext.class)
@DirtiesContext
@EmbeddedServers
class BrokerOutageIT extends BrokerOutageContract {

    private static EmbeddedBroker broker;
    private static TcpProxy proxy;

    @DynamicPropertySource
    static void brokerBehindProxy(DynamicPropertyRegistry registry) throws Exception {
        broker = new EmbeddedBroker(FreePort.any(), Path.of("target", "it-data", "outage-broker"));
        broker.start();
        broker.awaitStarted();
        proxy = new TcpProxy(broker.port());
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", proxy::port);
    }

    /**
     * Cuts the proxy and stops the broker when the context closes, not in an {@code @AfterAll}: JUnit
     * runs {@code @AfterAll} methods before the Spring extension closes the context, so the broker
     * went away under running listeners, relay and connection factory, whose consumers were still
     * recovering (and closing channels) after the factory had shut its channel executor down. Beans
     * are destroyed only after every lifecycle bean (listener containers, reply container, relay)
     * has stopped, so no consumer is left to recover; the connection factory itself may be destroyed
     * after this bean, which only closes connections that are already gone.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedWithTheContext {

        @Bean
        DisposableBean outageBrokerAndProxy() {
            return () -> {
                proxy.close();
                broker.stop();
            };
        }
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
