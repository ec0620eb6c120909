package dev.troupe.messaging;

class WireCompatibilityIT extends WireCompatibilityContract {
}
