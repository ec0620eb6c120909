package dev.troupe.shop;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The dispatch's effect in the database, in the transaction of the message that caused it. */
public class DispatchLog {

    private final JdbcClient jdbc;

    public DispatchLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // the shop has no migrations of its own: its one table is made here, before any listener starts
        jdbc.sql("CREATE TABLE IF NOT EXISTS shop_dispatch_log (parcel VARCHAR(100) NOT NULL)").update();
    }

    void record(String parcel) {
        jdbc.sql("INSERT INTO shop_dispatch_log (parcel) VALUES (:parcel)").param("parcel", parcel).update();
    }

    /** An SQL error the caller catches and goes on from: on PostgreSQL it leaves the transaction aborted. */
    void swallowAnError() {
        try {
            jdbc.sql("SELECT parcel FROM shop_no_such_table").query(String.class).list();
        } catch (org.springframework.dao.DataAccessException swallowed) {
            // as a careless handler would
        }
    }

    /**
     * Ends the caller's transaction behind its back, savepoints and all: the rollback to a savepoint
     * that follows fails, and the batch's transaction with it, as when its connection is lost.
     */
    void endTheTransaction() {
        jdbc.sql("ROLLBACK").update();
    }

    public long rowsOf(String parcel) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_dispatch_log WHERE parcel = :parcel").param("parcel", parcel)
            .query(Long.class).single();
    }
}
