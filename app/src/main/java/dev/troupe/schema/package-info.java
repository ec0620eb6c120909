/** Upgrades of the shared database schema that SQL alone cannot express, run by Flyway with the SQL migrations. */
package dev.troupe.schema;
