/** The transactional outbox: messages written with the data, published after the commit by a relay. */
package dev.troupe.outbox;
