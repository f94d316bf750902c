import { createTransport, type Transporter } from 'nodemailer';
import type { RenderedMail } from './mail-templates';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Sent as Message-ID so that a receiving server can recognise a duplicate. */
  messageId: string;
}

/** Where rendered mails go (an abstract class so that it is also the Nest injection token). SMTP is the real implementation, MailDev in development. */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract verify(): Promise<void>;
  abstract close(): void;
}

export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
  }

  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  close(): void {
    this.transporter.close();
  }
}
