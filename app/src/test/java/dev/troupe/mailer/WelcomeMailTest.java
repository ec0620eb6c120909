package dev.troupe.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WelcomeMailTest {

    @Test
    void addressesTheUserByName() {
        WelcomeMail mail = WelcomeMail.to("Ada", "ada@example.com");
        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.subject()).isEqualTo("Welcome to Troupe, Ada!");
        assertThat(mail.text()).startsWith("Hello Ada,");
        assertThat(mail.html()).contains("<p>Hello Ada,</p>");
    }

    @Test
    void escapesTheNameInHtml() {
        WelcomeMail mail = WelcomeMail.to("<script>alert('x')</script> & \"co\"", "x@example.com");
        assertThat(mail.html())
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
            .doesNotContain("<script>");
        assertThat(mail.text()).contains("<script>alert('x')</script>");
    }

    @Test
    void keepsLineBreaksOutOfTheSubjectHeader() {
        WelcomeMail mail = WelcomeMail.to("Eve\r\nBcc: victim@example.com", "eve@example.com");
        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n")
            .isEqualTo("Welcome to Troupe, Eve Bcc: victim@example.com!");
    }
}
