package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.AsyncApiDocument;

import java.nio.charset.StandardCharsets;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * This process's AsyncAPI 3.0 document: what it sends and receives over the broker, generated from
 * its code ({@link MessagingInventory}, {@link AsyncApiWriter}). Made at the first call, once the
 * context has started (every subscriber, listener and declaration is a bean by then, and none is
 * added after), and kept.
 */
public class GeneratedAsyncApiDocument implements AsyncApiDocument {

    private final ConfigurableApplicationContext context;
    private final JsonMapper json;
    private final AsyncApiWriter.Info info;
    private volatile byte[] document;

    /**
     * @param json the application's mapper: the payloads' schemas name what it writes
     */
    public GeneratedAsyncApiDocument(ConfigurableApplicationContext context, JsonMapper json, String title, String version,
                            String description) {
        this.context = context;
        this.json = json;
        this.info = new AsyncApiWriter.Info(title, version, description);
    }

    @Override
    public ObjectNode tree() {
        return (ObjectNode) json.readTree(bytes());
    }

    @Override
    public byte[] bytes() {
        if (document == null) {
            ObjectNode tree = new AsyncApiWriter(new PayloadSchemas(json)).write(MessagingInventory.of(context), info);
            document = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
        }
        return document.clone();
    }
}
