/** The broker side every service shares: topology, envelopes, confirmed publishing, parking. */
package dev.troupe.messaging;
