package dev.troupe.mailer;

import org.springframework.web.util.HtmlUtils;

/**
 * The welcome mail, plain text and HTML. The name comes from outside: it is stripped of line
 * breaks (it ends up in the Subject header) and HTML-escaped in the HTML part.
 */
public record WelcomeMail(String to, String subject, String text, String html) {

    public static WelcomeMail to(String name, String email) {
        String safeName = oneLine(name);
        String escaped = HtmlUtils.htmlEscape(safeName);
        return new WelcomeMail(
            email,
            "Welcome to Troupe, " + safeName + "!",
            "Hello " + safeName + ",\n\nwelcome aboard: your registration is complete.\n\nThe Troupe team\n",
            "<html><body><p>Hello " + escaped + ",</p><p>welcome aboard: your registration is complete.</p>"
                + "<p>The Troupe team</p></body></html>");
    }

    private static String oneLine(String name) {
        return name.replaceAll("[\\r\\n]+", " ").strip();
    }
}
