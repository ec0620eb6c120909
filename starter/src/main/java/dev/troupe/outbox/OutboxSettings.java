package dev.troupe.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled     whether this process runs a relay (any number of processes may)
 * @param relayThreads     concurrent relay rounds in this process: while one waits for the broker's
 *                         confirms, another publishes (they claim disjoint rows, per-key order kept)
 * @param batchSize        rows claimed and published per transaction
 * @param pollInterval     how often an idle relay looks for rows it was not woken for
 * @param retention        how long published rows are kept before deletion
 * @param cleanupInterval  how often published rows past retention are deleted
 */
@ConfigurationProperties("troupe.outbox")
public record OutboxSettings(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("1") int relayThreads,
    @DefaultValue("500") int batchSize,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("1h") Duration retention,
    @DefaultValue("1m") Duration cleanupInterval) {
}
