package dev.troupe.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** H2's own "already in use" (a file some other process has open) named as such, with what to do. */
class DatabaseFailureAnalyzerTest {

    @Test
    void anH2FileOpenElsewhereIsNamedWithWhatToDo() {
        MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:h2:file:./data/troupe;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
        SQLException inUse = new SQLException("Database may be already in use: \"/srv/data/troupe.mv.db\". Possible "
            + "solutions: close all other connection(s); use the server mode [90020-240]", "90020", 90020);

        FailureAnalysis analysis = new DatabaseFailureAnalyzer(environment)
            .analyze(new IllegalStateException("Failed to initialize pool", inUse));

        assertThat(analysis.getDescription())
            .startsWith("The H2 database jdbc:h2:file:./data/troupe is open in another process")
            .contains("/srv/data/troupe.mv.db");
        assertThat(analysis.getAction()).contains("H2 console", "--troupe.embedded.data-dir=");
    }
}
