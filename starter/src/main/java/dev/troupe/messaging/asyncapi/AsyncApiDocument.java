package dev.troupe.messaging.asyncapi;

import tools.jackson.databind.node.ObjectNode;

/**
 * This process's AsyncAPI 3.0 document: what it sends and receives over the broker, generated from
 * its code (its subscribers, listeners, declarations, and what {@link Publishes}, {@link Requests}
 * and {@link RepliesWith} say), made at the first call once the context has started, and kept.
 * Served at {@link #PATH} in a servlet web application.
 */
public interface AsyncApiDocument {

    /** Where a servlet web application serves it. */
    String PATH = "/asyncapi.json";

    /** The document as a tree. */
    ObjectNode tree();

    /** The document as UTF-8 JSON, indented. */
    byte[] bytes();
}
