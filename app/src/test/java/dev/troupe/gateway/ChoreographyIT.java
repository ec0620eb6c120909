package dev.troupe.gateway;

class ChoreographyIT extends ChoreographyContract {
}
