package dev.troupe.console;

import dev.troupe.TroupeService;
import dev.troupe.messaging.Subscriber;
import java.util.HashMap;
import java.util.Map;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Which service consumes each queue in this process: a {@link Subscriber}'s queue, or a
 * {@code @RabbitListener}'s, belongs to the service whose configuration made its bean. Read from
 * the bean definitions once, so no bean is created for it.
 */
public class Owners {

    private final ConfigurableApplicationContext context;
    private volatile Map<String, String> owners;

    public Owners(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The service consuming {@code queue} here, or "" where no service of this process does. */
    public String of(String queue) {
        return all().getOrDefault(queue, "");
    }

    /** Every queue consumed in this process, to its service. */
    public Map<String, String> all() {
        if (owners == null) {
            Map<String, String> found = new HashMap<>();
            for (String name : context.getBeanDefinitionNames()) {
                Class<?> type = context.getType(name, false);
                if (type == null) {
                    continue;
                }
                Class<?> target = ClassUtils.getUserClass(type);
                String service = serviceOf(context.getBeanFactory().getBeanDefinition(name));
                if (service == null) {
                    continue;
                }
                Subscriber subscriber = AnnotatedElementUtils.findMergedAnnotation(target, Subscriber.class);
                if (subscriber != null) {
                    found.put(subscriber.queue(), service);
                }
                ReflectionUtils.doWithMethods(target, method -> {
                    RabbitListener listener = AnnotatedElementUtils.findMergedAnnotation(method, RabbitListener.class);
                    if (listener != null) {
                        for (String queue : listener.queues()) {
                            found.put(queue, service);
                        }
                    }
                });
            }
            owners = Map.copyOf(found);
        }
        return owners;
    }

    /** The service whose configuration's {@code @Bean} method made it, or null. */
    private String serviceOf(BeanDefinition definition) {
        String factory = definition.getFactoryBeanName();
        Class<?> configuration = factory == null ? null : context.getType(factory, false);
        TroupeService service = configuration == null ? null
            : AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(configuration), TroupeService.class);
        return service == null ? null : service.name();
    }
}
