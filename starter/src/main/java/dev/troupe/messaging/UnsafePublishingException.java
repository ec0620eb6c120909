package dev.troupe.messaging;

import java.util.List;

/** The broker connection is set up so that a lost or unroutable publish would go unnoticed. */
public class UnsafePublishingException extends IllegalStateException {

    private final List<String> missing;

    public UnsafePublishingException(List<String> missing) {
        super("Publishing is not safe; missing " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    /** The settings that would make it safe, as {@code property=value}. */
    public List<String> missing() {
        return missing;
    }
}
