package dev.troupe.gateway;

import dev.troupe.support.RealServers;

@RealServers
class RequestStatusRealIT extends RequestStatusContract {
}
