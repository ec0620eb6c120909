-- A welcome mail the mail server refused for good (5xx) is recorded with the server's reply.
ALTER TABLE mail_ledger ADD COLUMN smtp_reply VARCHAR(1000);
-- A user is welcomed once, whatever event names it: the mailer looks its user up before each mail.
CREATE INDEX mail_ledger_user_id ON mail_ledger (user_id);
