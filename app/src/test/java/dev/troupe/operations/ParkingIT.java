package dev.troupe.operations;

class ParkingIT extends ParkingContract {
}
