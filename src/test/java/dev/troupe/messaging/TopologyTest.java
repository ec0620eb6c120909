package dev.troupe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;

class TopologyTest {

    private final Declarables topology = Topology.declarables();

    @Test
    void declaresTheSeedsDurableDirectExchange() {
        List<DirectExchange> exchanges = topology.getDeclarablesByType(DirectExchange.class);
        assertThat(exchanges).singleElement().satisfies(exchange -> {
            assertThat(exchange.getName()).isEqualTo("event_exchange");
            assertThat(exchange.isDurable()).isTrue();
            assertThat(exchange.isAutoDelete()).isFalse();
        });
    }

    @Test
    void bindsTwoQueuesToCreateUserAndOneToDeleteUser() {
        assertThat(topology.getDeclarablesByType(Binding.class))
            .extracting(Binding::getDestination, Binding::getRoutingKey)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("create_user_operation_queue", "create_user"),
                org.assertj.core.groups.Tuple.tuple("create_user_mail_queue", "create_user"),
                org.assertj.core.groups.Tuple.tuple("delete_user_operation_queue", "delete_user"));
    }

    @Test
    void everyQueueIsDurableWithNoBrokerSpecificArguments() {
        assertThat(topology.getDeclarablesByType(Queue.class))
            .allSatisfy(queue -> {
                assertThat(queue.isDurable()).isTrue();
                assertThat(queue.getArguments()).isEmpty();
            })
            .extracting(Queue::getName)
            .contains("create_user_operation_queue.parked", "create_user_mail_queue.parked",
                "delete_user_operation_queue.parked");
    }
}
