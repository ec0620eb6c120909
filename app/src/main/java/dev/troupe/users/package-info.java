/** The users service: registration, lookup and deletion of users, and its commands. */
package dev.troupe.users;
