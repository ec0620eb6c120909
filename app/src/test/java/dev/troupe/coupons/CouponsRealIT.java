package dev.troupe.coupons;

import dev.troupe.support.RealServers;

@RealServers
class CouponsRealIT extends CouponsContract {
}
