package dev.troupe.startup;

/** The most telling message in a chain of causes, for a one-line description. */
final class Reasons {

    private Reasons() {
    }

    /** The deepest non-blank message (the server's or the socket's own words), else the exception's name. */
    static String of(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage().strip();
            } else if (reason == null) {
                reason = t.getClass().getSimpleName();
            }
        }
        // the descriptions end the sentence themselves
        return reason == null ? "no reason given" : reason.replaceAll("\\.+$", "");
    }
}
