package dev.troupe.schema;

import dev.troupe.support.EmbeddedServers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;

/** The upgrade on the embedded H2 database, in a data folder of its own. */
@EmbeddedServers
class UuidUpgradeIT extends UuidUpgradeContract {

    private final String folder = "./target/it-data/upgrade-h2-" + UUID.randomUUID();

    @Override
    protected String url() {
        return "jdbc:h2:file:" + folder + "/troupe;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    protected String user() {
        return "sa";
    }

    @Override
    protected String vendorLocation() {
        return "classpath:db/migration/h2";
    }

    @Override
    protected void assertBackedUp() {
        assertThat(Path.of(folder, "troupe-before-v7.zip")).isNotEmptyFile();
    }

    @Override
    protected void dropDatabase() {
        FileSystemUtils.deleteRecursively(new File(folder));
    }
}
