package dev.troupe.console.web;

import dev.troupe.console.ScenarioRunner;
import dev.troupe.console.amqp.ConsumerSwitch;
import dev.troupe.scenario.Launch;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the console does, behind the admin rule ({@code /console/admin/**}): pause and resume a
 * service's consumers, and run a scenario.
 */
@Hidden
@RestController
public class ConsoleAdminController {

    private final ConsumerSwitch consumers;
    private final ScenarioRunner scenarios;

    public ConsoleAdminController(ConsumerSwitch consumers, ScenarioRunner scenarios) {
        this.consumers = consumers;
        this.scenarios = scenarios;
    }

    /** Whether the asker may act: answered at all only to one who may. */
    @GetMapping("/console/admin/access")
    Map<String, Boolean> access() {
        return Map.of("admin", true);
    }

    @GetMapping("/console/admin/consumers")
    List<ConsumerSwitch.Service> consumers() {
        return consumers.services();
    }

    @PostMapping("/console/admin/consumers/{service}/pause")
    List<ConsumerSwitch.Service> pause(@PathVariable String service) {
        return run(service, false);
    }

    @PostMapping("/console/admin/consumers/{service}/resume")
    List<ConsumerSwitch.Service> resume(@PathVariable String service) {
        return run(service, true);
    }

    private List<ConsumerSwitch.Service> run(String service, boolean running) {
        if (!consumers.run(service, running)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No consumer of a service '" + service + "' runs here");
        }
        return consumers.services();
    }

    @GetMapping("/console/admin/scenarios")
    Map<String, Object> scenarios() throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", scenarios.available());
        body.put("how", scenarios.available() ? null : Launch.HOW);
        body.put("scenarios", scenarios.scenarios());
        body.put("last", scenarios.last().orElse(null));
        return body;
    }

    @PostMapping("/console/admin/scenarios/{name}")
    ResponseEntity<Map<String, Object>> run(@PathVariable String name) throws IOException {
        if (!scenarios.available()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                "This process cannot start Troupe again for a scenario; " + Launch.HOW);
        }
        try {
            if (!scenarios.start(name)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "A scenario is running; wait for it to end");
            }
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        return ResponseEntity.accepted().body(scenarios());
    }

    @PostMapping("/console/admin/scenarios/stop")
    Map<String, Object> stop() throws IOException {
        scenarios.stop();
        return scenarios();
    }
}
