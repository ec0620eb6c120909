package dev.troupe.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's error page ({@code /error}, where the container forwards every {@code sendError} and
 * every exception that escaped a filter or servlet) as a problem document, in place of Boot's
 * own JSON or HTML: whatever the client accepts, as every other refusal. Asked for directly, it
 * names nothing (404), rather than Boot's {@code "status":999} answered with 500. The instance is
 * the request that failed, not {@code /error}.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer)) {
            return problem(HttpStatus.NOT_FOUND, "No resource " + request.getRequestURI(), request.getRequestURI());
        }
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        HttpStatus status = HttpStatus.resolve((Integer) code);
        if (status == null || status.is5xxServerError()) {
            return problem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                "The server could not answer this request; its log says why", path);
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return problem(status, message instanceof String text && !text.isBlank() ? text
            : "The request was refused: " + status.getReasonPhrase(), path);
    }

    /** Its type preset, so that no Accept header makes Spring MVC refuse to write it. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String path) {
        ProblemDetail problem = Problems.problem(status, status.getReasonPhrase(), detail);
        problem.setInstance(Problems.instance(path));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
