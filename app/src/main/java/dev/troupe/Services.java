package dev.troupe;

/** The names {@code troupe.services} accepts. */
public final class Services {

    public static final String GATEWAY = "gateway";
    public static final String USERS = "users";
    public static final String USER_COMMANDS = "user-commands";
    public static final String MAILER = "mailer";
    public static final String COUPONS = "coupons";
    public static final String ALL_NAMES = "gateway,users,user-commands,mailer,coupons";

    private Services() {
    }
}
