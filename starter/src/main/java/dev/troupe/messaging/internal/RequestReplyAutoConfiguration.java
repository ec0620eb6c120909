package dev.troupe.messaging.internal;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.RpcClient;
import java.time.Duration;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** Request/reply: this process's reply queue, its template, and the {@link RpcClient} on them. */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, RabbitAutoConfiguration.class})
public class RequestReplyAutoConfiguration {

    /**
     * This process's own reply queue, gone when its consumer goes. Not exclusive: the embedded
     * broker scopes an exclusive queue to the declaring channel and drops it with that channel.
     */
    @Bean
    Queue replyQueue() {
        return new Queue(Base64UrlNamingStrategy.DEFAULT.generateName().replace("spring.gen-", "troupe.replies."),
            false, false, true);
    }

    /**
     * Its reply container consumes like the {@code @RabbitListener} containers, and starts with
     * them, or not ({@code spring.rabbitmq.listener.simple.auto-startup}).
     */
    @Bean
    AsyncRabbitTemplate rpcTemplate(ConnectionFactory connectionFactory, MessageConverter converter,
                                    Queue replyQueue, MessagingSettings settings, RabbitProperties rabbit,
                                    ApplicationContext context) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(converter);
        template.setApplicationContext(context); // where its observations find the registry: it is no bean itself
        MessageObservations.observe(template, settings.observationEnabled());
        SimpleMessageListenerContainer replies = new SimpleMessageListenerContainer(connectionFactory);
        replies.setQueueNames(replyQueue.getName());
        AsyncRabbitTemplate async = new AsyncRabbitTemplate(template, replies, replyQueue.getName());
        // the longest any caller waits; each call bounds its own wait and cancels on giving up
        async.setReceiveTimeout(Duration.ofMinutes(1).toMillis());
        async.setEnableConfirms(true);
        async.setMandatory(true);
        async.setAutoStartup(rabbit.getListener().getSimple().isAutoStartup());
        return async;
    }

    @Bean
    @ConditionalOnMissingBean
    RpcClient rpcClient(AsyncRabbitTemplate rpcTemplate, MessagingSettings settings) {
        return new TemplateRpcClient(rpcTemplate, settings.rpcTimeout());
    }
}
