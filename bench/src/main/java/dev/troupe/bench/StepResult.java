package dev.troupe.bench;

import java.util.List;
import java.util.Map;

/**
 * What one step measured. Latencies in milliseconds; NaN where nothing was measured.
 *
 * @param offered         registrations a second offered (0 for the closed loop)
 * @param accepted        201s a second over the step
 * @param endToEnd        welcome mails a second of this step's registrations that had arrived by the
 *                        step's end plus one second: the rate sustained end to end
 * @param sustained       accepted ≥ 99 % and end to end ≥ 95 % of what was offered
 * @param post            POST latency percentiles, from the scheduled send (p50, p95, p99, p99.9, max)
 * @param postToMail      POST (scheduled) → mail accepted by the SMTP sink, same percentiles
 * @param delivery        commit → handler per consumer (ms): on the real servers p50, p95, p99, p99.9 and max of
 *                        the step's messages from the databases ({@link DeliveryLag}); on the embedded defaults
 *                        mean and max from the service's own timer's count, total and max
 * @param outboxOldestAge the oldest unpublished outbox row's age, the most seen during the step, seconds
 * @param cpuMsPerRegistration CPU time of every Troupe process over the step ÷ registrations accepted
 * @param peakResidentMib the most resident memory of the Troupe processes together seen during the step
 * @param cpuMsByStage    the same CPU ms per registration, split by stage ({@link Stages})
 * @param cpuMsByLibrary  the same CPU ms per registration, split by the code it was spent in, from the step's profile
 *                        ({@link Libraries}); empty where none was taken
 * @param flameGraphs     the step's flame graphs, file names beside the report
 * @param profile         how the step's profile was taken, or why there is none
 */
record StepResult(String label, int offered, long planned, long acceptedCount, double accepted, double endToEnd,
                  boolean sustained, Map<String, Double> post, Map<String, Double> postToMail,
                  Map<String, Map<String, Double>> delivery, double outboxOldestAge, double cpuMsPerRegistration,
                  double peakResidentMib, Map<String, Double> cpuMsByStage, Map<String, Double> cpuMsByLibrary,
                  List<String> flameGraphs, String profile) {
}
