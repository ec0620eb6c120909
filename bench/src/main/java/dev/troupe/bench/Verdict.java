package dev.troupe.bench;

/**
 * Every registration accepted during the run, checked once the mails have drained: exactly one
 * welcome mail and one active coupon each.
 */
record Verdict(long registrations, long mailed, long withoutMail, long mailedTwice, long withActiveCoupon,
               long withoutCoupon) {

    boolean clean() {
        return withoutMail == 0 && mailedTwice == 0 && withoutCoupon == 0;
    }
}
