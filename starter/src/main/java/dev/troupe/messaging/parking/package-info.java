/**
 * Parked messages, for an operator: what a consumer gave up on, with why, listed, replayed to the
 * queue that parked it or discarded. Switched on by {@code troupe.messaging.parking.collect=true};
 * in a servlet web application the same at {@code /admin/parked}, behind the application's own
 * security.
 */
package dev.troupe.messaging.parking;
