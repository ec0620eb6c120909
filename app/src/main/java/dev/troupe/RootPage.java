package dev.troupe;

/**
 * What {@code /} shows where a service offers a page of its own there (the console); without one,
 * the home page ({@link HomePage}) does. The home page is always at {@code /about}.
 */
@FunctionalInterface
public interface RootPage {

    /** The page's HTML. */
    String html();
}
