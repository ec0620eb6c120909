package dev.troupe.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * Spring Boot's own analysis of a taken HTTP port says "configure this application to listen on
 * another port" without saying how; this one names the property. Ordered first, so that it is
 * asked before Boot's.
 */
class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        return new FailureAnalysis(
            "The web server could not start: port %d is already in use by another process.".formatted(port),
            ("Stop the process that listens on port %d (ss -ltnp 'sport = :%d' shows it), or set server.port "
                + "(SERVER_PORT, or --server.port=...) to a free port, or to 0 for any free one.").formatted(port, port),
            cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
