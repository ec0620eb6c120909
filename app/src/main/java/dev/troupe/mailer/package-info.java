/** The mailer service: welcome mails for new users. */
package dev.troupe.mailer;
