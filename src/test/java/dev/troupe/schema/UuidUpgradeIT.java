package dev.troupe.schema;

import java.util.UUID;

/** The upgrade on the embedded H2 database, in a data folder of its own. */
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
}
