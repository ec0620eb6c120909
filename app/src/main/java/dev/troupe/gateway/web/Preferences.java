package dev.troupe.gateway.web;

import java.time.Duration;
import java.util.Optional;

/** Reads the {@code wait} preference of an RFC 7240 {@code Prefer} header, e.g. {@code respond-async, wait=5}. */
final class Preferences {

    private Preferences() {
    }

    static Optional<Duration> waitOf(String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        for (String preference : prefer.split(",")) {
            String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().equalsIgnoreCase("wait")) {
                try {
                    long seconds = Long.parseLong(nameAndValue[1].strip().replace("\"", ""));
                    return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
