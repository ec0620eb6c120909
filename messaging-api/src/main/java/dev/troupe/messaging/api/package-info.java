/**
 * The messaging starter's contract types, apart from the starter itself so that an event contract
 * (records with their routes, such as {@code troupe-user-events}) depends on no framework: a
 * service in another stack can read the contract, and a Spring service gets the starter beside it.
 */
package dev.troupe.messaging.api;
