package dev.troupe.gateway;

import dev.troupe.support.RealServers;

@RealServers
class ChoreographyRealIT extends ChoreographyContract {
}
