package dev.troupe.mailer;

import dev.troupe.support.RealServers;

@RealServers
class MailerRealIT extends MailerContract {
}
