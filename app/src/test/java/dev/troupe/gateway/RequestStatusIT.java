package dev.troupe.gateway;

class RequestStatusIT extends RequestStatusContract {
}
