package dev.troupe.messaging;

import dev.troupe.messaging.internal.MessagingAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What goes into the starter's jar (its compiled classes and resources, every string constant of
 * them included) names nothing of the user-management system: no class, routing key, queue, table
 * or service of it.
 */
class StarterKnowsNoDomainTest {

    private static final Pattern DOMAIN = Pattern.compile("(?i)create_user|delete_user|user_created|user_deleted"
        + "|user_id|users_inbox|user_status|coupon|mailer|welcome|gateway|event_exchange|registration"
        + "|dev[/.]troupe[/.](users|gateway|mailer|coupons|operations|topology|schema|web|startup)");

    @Test
    void theJarsContentNamesNothingOfTheUserManagementDomain() throws URISyntaxException {
        Path classes = Path.of(MessagingAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files = filesUnder(classes);
        assertThat(files).as("the starter's compiled classes and resources")
            .anyMatch(file -> file.endsWith("MessagingAutoConfiguration.class"))
            .anyMatch(file -> file.toString().endsWith(".sql"));
        assertThat(files).allSatisfy(file -> assertThat(DOMAIN.matcher(read(file)).results().map(match -> match.group())
            .toList()).as(classes.relativize(file).toString()).isEmpty());
    }

    private static List<Path> filesUnder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Class files as Latin-1: their constant pool's names and strings read as text. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
