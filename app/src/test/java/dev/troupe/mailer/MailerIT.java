package dev.troupe.mailer;

class MailerIT extends MailerContract {
}
