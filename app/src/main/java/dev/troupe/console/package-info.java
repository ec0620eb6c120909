/**
 * The console at {@code /}: the choreography as it runs, on one page. Its system map is derived
 * from the topology this process declares (every exchange, queue and binding bean, a subscriber's
 * included) and read live from the broker; its live flow taps the exchanges only while someone
 * watches, and keeps this process's own publishes meanwhile; users, parked messages and mail come
 * from the services' own APIs.
 */
package dev.troupe.console;
