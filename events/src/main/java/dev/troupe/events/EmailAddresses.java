package dev.troupe.events;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address, so that what is stored is exactly what the mail path carries
 * ({@code RCPT TO} and {@code To:}) to any SMTP server, SMTPUTF8 or not:
 * <ul>
 * <li>the local part is ASCII, a dot-atom of RFC 5321 (letters, digits and
 * {@code !#$%&'*+/=?^_`{|}~-}, dots between them), at most 64 characters; quoted local parts and
 * non-ASCII ones (which need SMTPUTF8, and which a mail library without it writes byte by byte)
 * are refused;</li>
 * <li>the domain may be internationalised: it is stored as its A-label ({@code bücher.example}
 * becomes {@code xn--bcher-kva.example}, by {@link IDN#toASCII} with the STD3 rules), of at least
 * two labels of letters, digits and hyphens;</li>
 * <li>the whole is normalised once (NFC, then lower-cased: addresses are unique whatever their
 * case) and is at most 254 characters.</li>
 * </ul>
 * Uniqueness holds on the normalised form, since that is what the users table stores.
 */
public final class EmailAddresses {

    /** How the rule reads in a refusal. */
    public static final String RULE = "must be an e-mail address with an ASCII local part (letters, digits, dots and"
        + " !#$%&'*+/=?^_`{|}~-) and a domain name (internationalised names allowed)";

    private static final String ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private EmailAddresses() {
    }

    /** The address as it is stored and mailed, or empty if it breaks the rule. */
    public static Optional<String> normalised(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String nfc = Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
        int at = nfc.lastIndexOf('@');
        if (at <= 0 || at == nfc.length() - 1) {
            return Optional.empty();
        }
        String local = nfc.substring(0, at).toLowerCase(Locale.ROOT);
        Optional<String> domain = domain(nfc.substring(at + 1));
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || domain.isEmpty()) {
            return Optional.empty();
        }
        String normalised = local + "@" + domain.get();
        return normalised.length() > 254 ? Optional.empty() : Optional.of(normalised);
    }

    /** The normalised address, or the given one stripped and lower-cased where it breaks the rule (for a lookup that then finds nothing). */
    public static String normalisedOrAsGiven(String address) {
        return normalised(address).orElseGet(() -> address.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> domain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }
}
