/** Operating the choreography: parked messages and the admin API. */
package dev.troupe.operations;
