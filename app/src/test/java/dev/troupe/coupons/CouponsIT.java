package dev.troupe.coupons;

class CouponsIT extends CouponsContract {
}
