package dev.troupe.embedded;

import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Claims the data folder ({@link DataFolderLock}) before any bean is made, so before H2 or Qpid
 * opens a file in it, and only where one of them uses it: the embedded broker where no RabbitMQ is
 * configured, the database where {@code spring.datasource.url} is an H2 file inside the folder. An
 * initializer rather than a bean: the start is refused before seconds of context start-up, and a
 * bean could not come before Flyway's and Hikari's. After the logging is set up, unlike an
 * environment post-processor, so Boot's failure report comes out as its short report.
 */
public class DataFolderLockInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final String RELEASE = "troupeDataFolderLock";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        Path folder = Path.of(Binder.get(environment).bindOrCreate("troupe.embedded", EmbeddedSettings.class).dataDir());
        if (!usesDataFolder(environment, folder)) {
            return;
        }
        DataFolderLock lock = DataFolderLock.claim(folder);
        // registered before every bean, so destroyed after every bean: the folder is free only once
        // H2 and the broker have closed their files (a context closed and started again in one JVM)
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(RELEASE, lock::close);
        }
        // any other factory: the lock goes with the process
    }

    static boolean usesDataFolder(Environment environment, Path folder) {
        // the same properties as EmbeddedBrokerConfiguration's condition
        boolean embeddedBroker = OnUnsetCondition.setAmong(environment, "spring.rabbitmq.host", "spring.rabbitmq.addresses")
            .isEmpty();
        return embeddedBroker || H2Files.inFolder(environment.getProperty("spring.datasource.url"), folder);
    }

    /** Early, yet after an initializer of the highest precedence that chooses the folder (a test's, say). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
