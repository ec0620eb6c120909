package dev.troupe.messaging.internal;

import dev.troupe.messaging.UnsafePublishingException;

import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start on a publisher that could lose messages without anyone knowing: the outbox
 * marks a row published only on the broker's confirm of that very message (correlated confirms),
 * and a message no queue takes must come back (mandatory, with returns) rather than vanish.
 */
class PublishingSafety implements InitializingBean {

    private final RabbitTemplate template;

    PublishingSafety(RabbitTemplate template) {
        this.template = template;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> missing = new ArrayList<>();
        if (!template.getConnectionFactory().isPublisherConfirms()) {
            missing.add("spring.rabbitmq.publisher-confirm-type=correlated");
        }
        if (!template.getConnectionFactory().isPublisherReturns()) {
            missing.add("spring.rabbitmq.publisher-returns=true");
        }
        if (!Boolean.TRUE.equals(template.isMandatoryFor(new Message(new byte[0])))) {
            missing.add("spring.rabbitmq.template.mandatory=true");
        }
        if (!missing.isEmpty()) {
            throw new UnsafePublishingException(missing);
        }
    }
}
