package dev.troupe.messaging;

import dev.troupe.support.RealServers;

@RealServers
class MessagingRealIT extends MessagingContract {
}
