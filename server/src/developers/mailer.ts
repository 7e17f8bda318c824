import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one link the message is about (e.g. a password reset), for the development log. */
  link?: string;
}

/** Sends e-mail. Production plugs in its own (SMTP, an e-mail API) through the app's dependencies. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * The default mailer: sends nothing. In development (`logLinks`) it logs the link so a developer
 * can follow it; otherwise it logs only that a message was due — never a token.
 */
export function logMailer(log: FastifyBaseLogger, logLinks: boolean): Mailer {
  return {
    async send(m) {
      if (logLinks) log.info({ to: m.to, subject: m.subject, link: m.link }, 'mail (development): not sent');
      else log.warn({ subject: m.subject }, 'mail not sent: no mailer configured');
    },
  };
}
