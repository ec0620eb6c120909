package dev.troupe.operations;

import dev.troupe.support.RealServers;

@RealServers
class ParkingRealIT extends ParkingContract {
}
