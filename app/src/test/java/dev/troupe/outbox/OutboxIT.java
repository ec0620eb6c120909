package dev.troupe.outbox;

class OutboxIT extends OutboxContract {
}
