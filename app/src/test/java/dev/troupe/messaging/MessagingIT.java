package dev.troupe.messaging;

class MessagingIT extends MessagingContract {
}
