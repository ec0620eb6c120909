/** The gateway: the public entry point that publishes the seed commands. */
package dev.troupe.gateway;
