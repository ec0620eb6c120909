/** Start-up checks and failure analyzers: a misconfigured part ends the start with one short, actionable message. */
package dev.troupe.startup;
