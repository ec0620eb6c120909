/** In-process stand-ins for RabbitMQ and SMTP, used only where no real server is configured. */
package dev.troupe.embedded;
