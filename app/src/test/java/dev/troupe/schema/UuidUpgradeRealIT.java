package dev.troupe.schema;

import dev.troupe.support.RealServers;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The upgrade on the real PostgreSQL, in a schema of its own that is dropped afterwards. */
@RealServers
class UuidUpgradeRealIT extends UuidUpgradeContract {

    private final String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected String url() {
        String base = RealServers.Initializer.postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected String user() {
        return RealServers.Initializer.postgresUser();
    }

    @Override
    protected String schema() {
        return schema;
    }

    @Override
    protected String vendorLocation() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    protected void dropDatabase() {
        JdbcClient.create(new DriverManagerDataSource(RealServers.Initializer.postgresUrl(), user(), ""))
            .sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }
}
