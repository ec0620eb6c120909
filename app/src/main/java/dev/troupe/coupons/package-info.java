/** The coupons service: a coupon for every registered user, revoked on deletion. */
package dev.troupe.coupons;
