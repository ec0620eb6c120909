package dev.troupe.events;

import java.text.Normalizer;

/**
 * The one rule for a user's name, so that a name reads as what it is wherever it is shown (a mail's
 * subject, the console, a log line): stored in NFC, and refused if it holds a character that
 * changes how the text around it reads or that shows nothing while being there:
 * C0 and C1 controls (line breaks included), line and paragraph separators, bidirectional
 * embeddings, overrides and isolates ({@code Evil\u202Egnp.exe} reads as {@code Evilexe.png}),
 * unpaired surrogates, and names with nothing visible (only spaces and invisible format characters).
 * The bidirectional marks (U+200E, U+200F) and joiners stay allowed: names in many scripts need them.
 */
public final class ReadableNames {

    /** How the rule reads in a refusal. */
    public static final String RULE = "must be readable text: no control characters, line or paragraph separators,"
        + " bidirectional overrides or isolates, unpaired surrogates, and something visible";

    private ReadableNames() {
    }

    /** The name as it is stored: stripped and in NFC. */
    public static String normalised(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    /** The longest name stored, in characters (UTF-16 units) of its normalised form: the column's width. */
    public static final int MOST = 100;

    /** Whether the name may be stored (a null one is another rule's to refuse). */
    public static boolean readable(String name) {
        if (name == null) {
            return true;
        }
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC) && normalised(name).length() > MOST) {
            return false; // the few characters NFC decomposes could make it too long for the column
        }
        boolean visible = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                visible |= shows(name.codePointAt(i));
                i++;
                continue;
            }
            if (Character.isSurrogate(c) || refused(c)) {
                return false;
            }
            visible |= shows(c);
        }
        return visible;
    }

    private static boolean refused(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
            || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Something a reader sees: not a space, not an invisible format character, not a filler that renders blank. */
    private static boolean shows(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint) && type != Character.FORMAT
            && codePoint != 0x3164 && codePoint != 0xFFA0 && codePoint != 0x115F && codePoint != 0x1160
            && codePoint != 0x2800 && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK;
    }
}
