package dev.troupe.operations.web;

import dev.troupe.operations.ParkedMessage;
import dev.troupe.operations.NotReplayableException;
import dev.troupe.operations.ParkedMessages;
import dev.troupe.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for parked messages: list (newest first, by queue or message id), replay, discard.
 * Guarded by {@link AdminAccessFilter}.
 */
@RestController
public class ParkedMessagesController {

    private final ParkedMessages parked;

    public ParkedMessagesController(ParkedMessages parked) {
        this.parked = parked;
    }

    @GetMapping({"/admin/parked", "/admin/parked/"})
    List<ParkedMessage> list(@RequestParam(required = false) String queue,
                             @RequestParam(name = "message_id", required = false) String messageId,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return parked.list(queue, messageId, page, size);
    }

    @PostMapping("/admin/parked/{id}/replay")
    ResponseEntity<?> replay(@PathVariable long id) {
        return parked.replay(id) ? ResponseEntity.accepted().build() : notFound(id);
    }

    @DeleteMapping("/admin/parked/{id}")
    ResponseEntity<?> discard(@PathVariable long id) {
        return parked.discard(id) ? ResponseEntity.noContent().build() : notFound(id);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReplayable(NotReplayableException e) {
        return Problems.response(HttpStatus.CONFLICT, "Not replayable", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> notFound(long id) {
        return Problems.response(HttpStatus.NOT_FOUND, "Parked message not found", "No parked message " + id);
    }
}
