package dev.troupe.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every HTTP error as RFC 9457 problem details. Spring MVC's own handler covers the standard
 * exceptions; this adds the invalid fields or query parameters to every 400 (one {@code errors}
 * list, whatever was invalid), answers a path id that cannot name anything (say, a user id that is
 * no UUID) with 404 as for any unknown id, and turns an oversized body into 413.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
        MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
            .map(error -> error(error.getField(), String.valueOf(error.getDefaultMessage())))
            .toList();
        return invalid(ex, "The request has invalid fields", errors, headers, request);
    }

    /** A query parameter out of range ({@code ?size=1000}): the same shape as an invalid field. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
        HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
            .flatMap(result -> result.getResolvableErrors().stream()
                .map(error -> error(nameOf(result.getMethodParameter()), String.valueOf(error.getDefaultMessage()))))
            .toList();
        return invalid(ex, "The request has invalid parameters", errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
        MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, "The request has invalid parameters", List.of(error(ex.getParameterName(), "is required")),
            headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
        TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!(ex instanceof MethodArgumentTypeMismatchException mismatch)) {
            return super.handleTypeMismatch(ex, headers, status, request);
        }
        String name = nameOf(mismatch.getParameter());
        String expected = mismatch.getRequiredType() == UUID.class ? "a UUID" : "a " + mismatch.getRequiredType().getSimpleName();
        if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, titleOf(name),
                "No resource with " + name + " '" + mismatch.getValue() + "': " + name + " is " + expected);
            return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
        }
        return invalid(ex, "The request has invalid parameters", List.of(error(name, "must be " + expected)), headers,
            request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
        HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof PayloadTooLargeException tooLarge) {
            ProblemDetail problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                tooLarge.getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request body",
            "The body is not valid JSON of the expected shape");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Names the request in every problem here, so that Spring MVC does not try to, and fail on a path it cannot parse. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null
            && request instanceof ServletWebRequest servlet) {
            problem.setInstance(Problems.instance(servlet.getRequest().getRequestURI()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, String detail, List<Map<String, String>> errors,
                                           HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The name the client used: the annotation's, else the Java parameter's. */
    private static String nameOf(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.value().isEmpty()) {
            return query.value();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static String titleOf(String pathVariable) {
        return "user_id".equals(pathVariable) ? "User not found" : "Not found";
    }
}
