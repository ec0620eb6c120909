package dev.troupe;

/**
 * A count and its noun, as a person writes it: "1 consumer", "2 consumers", "0 addresses". The one
 * place the Java side makes a plural, for every count it prints (the scenario's progress, errors);
 * the console page has its own, {@code count()} in console.js.
 */
public final class Plural {

    private Plural() {
    }

    /** {@code count} and {@code noun}, made plural by English's regular rules unless the count is one. */
    public static String count(long count, String noun) {
        return count(count, noun, plural(noun));
    }

    /** The same, with the plural given, for a noun the rules do not make ("person", "people"). */
    public static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** The regular plural of a noun, or of the last word of a phrase ("poison message": "poison messages"). */
    static String plural(String noun) {
        if (noun.matches(".*(s|x|z|ch|sh)")) {
            return noun + "es";
        }
        if (noun.matches(".*[^aeiou]y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }
}
