package dev.troupe.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.Subscriber;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;

class TopologyTest {

    private final Declarables topology = Topology.declarables(Flow.RELIABLE);

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
    void inTheNaiveFlowBindsTwoQueuesToCreateUserAsTheSeedDid() {
        assertThat(Topology.declarables(Flow.NAIVE).getDeclarablesByType(Binding.class))
            .extracting(Binding::getDestination, Binding::getRoutingKey)
            .contains(
                tuple("create_user_operation_queue", "create_user"),
                tuple("create_user_mail_queue", "create_user"),
                tuple("delete_user_operation_queue", "delete_user"))
            .doesNotContain(tuple("user_created_mail_queue", "user_created"));
    }

    @Test
    void inTheReliableFlowTheMailerFollowsUserCreated() {
        assertThat(topology.getDeclarablesByType(Binding.class))
            .extracting(Binding::getDestination, Binding::getRoutingKey)
            .contains(
                tuple("create_user_operation_queue", "create_user"),
                tuple("delete_user_operation_queue", "delete_user"),
                tuple("user_created_mail_queue", "user_created"))
            .doesNotContain(tuple("create_user_mail_queue", "create_user"));
    }

    @Test
    void everyQueueIsDurableWithNoBrokerSpecificArguments() {
        assertThat(topology.getDeclarablesByType(Queue.class))
            .allSatisfy(queue -> {
                assertThat(queue.isDurable()).isTrue();
                assertThat(queue.getArguments()).isEmpty();
            })
            .extracting(Queue::getName)
            .contains("create_user_operation_queue.parked", "user_created_mail_queue.parked",
                "delete_user_operation_queue.parked", "user_status_queue.parked", "user_status_queue");
    }

    @Test
    void quorumQueuesOnlyWhenAskedEveryDurableQueueTheSameType() {
        assertThat(topology.getDeclarablesByType(Queue.class)).allSatisfy(queue ->
            assertThat(queue.getArguments()).doesNotContainKey("x-queue-type"));
        List<Queue> quorum = Topology.declarables(Flow.RELIABLE, MessagingSettings.QueueType.QUORUM)
            .getDeclarablesByType(Queue.class);
        assertThat(quorum).hasSize(topology.getDeclarablesByType(Queue.class).size())
            .allSatisfy(queue -> assertThat(queue.getArguments()).containsEntry("x-queue-type", "quorum"))
            .extracting(Queue::getName).contains("create_user_operation_queue", "create_user_operation_queue.parked",
                "user_status_queue");
    }

    /**
     * The coupons' and the gateway's queues are also listed in the topology every process declares;
     * this keeps that list in step with what their subscriber classes handle: every subscriber on
     * the class path whose queue the topology lists is bound there to exactly its events.
     */
    @Test
    void theTopologyBindsTheSubscribersQueuesItListsToExactlyTheEventsTheySubscribeTo() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Subscriber.class));
        List<String> checked = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("dev.troupe")) {
            Class<?> subscriber = Class.forName(candidate.getBeanClassName());
            String queue = subscriber.getAnnotation(Subscriber.class).queue();
            if (!Topology.consumerQueues(Flow.RELIABLE).contains(queue) || queue.equals(Topology.USER_STATUS_QUEUE)) {
                continue;
            }
            List<String> handled = Arrays.stream(subscriber.getDeclaredMethods())
                .filter(method -> method.getName().equals("on"))
                .map(method -> method.getParameterTypes()[0].getAnnotation(Route.class).key()).toList();
            assertThat(topology.getDeclarablesByType(Binding.class).stream()
                    .filter(binding -> binding.getDestination().equals(queue)).map(Binding::getRoutingKey))
                .as(queue).containsExactlyInAnyOrderElementsOf(handled);
            checked.add(queue);
        }
        assertThat(checked).contains(Topology.COUPONS_QUEUE, Topology.GATEWAY_REQUESTS_QUEUE);
    }
}
