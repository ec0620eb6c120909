package dev.troupe.outbox;

import dev.troupe.support.RealServers;

@RealServers
class OutboxRealIT extends OutboxContract {
}
