package dev.troupe.messaging.parking.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.troupe.messaging.parking.NotReplayableException;
import dev.troupe.messaging.parking.ParkedMessage;
import dev.troupe.messaging.parking.ParkedMessages;
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
 * The admin API for parked messages: list (newest first, by queue or message id; the start of each
 * body), one whole, replay, discard.
 * Guarded by nothing of its own: the application secures {@code /admin/**} (Troupe: local requests or its admin token).
 */
@Tag(name = "operations", description = "Parked messages: those a consumer could not process, with why")
@RestController
public class ParkedMessagesController {

    private final ParkedMessages parked;

    public ParkedMessagesController(ParkedMessages parked) {
        this.parked = parked;
    }

    @Operation(summary = "List parked messages", description = "Newest first, by queue or message id; each with the first "
        + "4 KiB of its body (`body_truncated` says it was cut; `body_size` is the whole size).")
    @ApiResponse(responseCode = "200", description = "One page of parked messages")
    @GetMapping({"/admin/parked", "/admin/parked/"})
    List<ParkedMessage> list(@Parameter(description = "Only those parked by this queue's consumer") @RequestParam(required = false) String queue,
                             @Parameter(description = "Only the message with this id")
                             @RequestParam(name = "message_id", required = false) String messageId,
                             @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
                             @Parameter(description = "Messages per page, 1 to 500") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return parked.list(queue, messageId, page, size);
    }

    @Operation(summary = "A parked message, with its whole body")
    @ApiResponse(responseCode = "200", description = "The parked message")
    @GetMapping("/admin/parked/{id}")
    ResponseEntity<?> one(@Parameter(description = "The parked message's id in the list") @PathVariable long id) {
        return parked.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Replay a parked message", description = "Back to the queue that parked it, through the outbox.")
    @ApiResponse(responseCode = "202", description = "Stored for redelivery")
    @ApiResponse(responseCode = "409", description = "Its queue has no consumer in this flow")
    @PostMapping("/admin/parked/{id}/replay")
    ResponseEntity<?> replay(@Parameter(description = "The parked message's id in the list") @PathVariable long id) {
        return parked.replay(id) ? ResponseEntity.accepted().build() : notFound(id);
    }

    @Operation(summary = "Discard a parked message")
    @ApiResponse(responseCode = "204", description = "Discarded")
    @DeleteMapping("/admin/parked/{id}")
    ResponseEntity<?> discard(@Parameter(description = "The parked message's id in the list") @PathVariable long id) {
        return parked.discard(id) ? ResponseEntity.noContent().build() : notFound(id);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReplayable(NotReplayableException e) {
        return problem(HttpStatus.CONFLICT, "Not replayable", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> notFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "Parked message not found", "No parked message " + id);
    }

    /** An RFC 9457 problem document, as the application's other refusals are. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
