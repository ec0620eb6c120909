package dev.troupe.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report as a problem document instead of its HTML page: what Tomcat refuses
 * itself, before any servlet (a request target it cannot parse, an encoded slash, a bad Host),
 * and anything else no error page answered. The container's errors are a client's as much as the
 * application's are.
 */
class ProblemReportValve extends ErrorReportValve {

    /**
     * Puts the valve in place of every error report valve on the host: Boot's, and the one Tomcat
     * would add at start (it adds its class unless one of the class named is there). Last of the
     * customizers, so that Boot's valve is there to be replaced.
     */
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final JsonMapper json;

        Installer(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve(json));
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private final JsonMapper json;

    ProblemReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // as Tomcat's own: nothing for a success, nothing once a body is written, each error reported once
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String detail = code >= 500 ? "The server could not answer this request; its log says why"
            : response.getMessage() == null || response.getMessage().isBlank() ? "The request was refused: " + title
            : response.getMessage();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(Problems.document(code, title, detail)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away, or the response cannot take a body: nothing more to tell it
        }
    }
}
