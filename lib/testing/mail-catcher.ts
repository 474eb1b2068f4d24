// A real SMTP server for tests: it takes every message (or refuses chosen recipients, as a full mailbox would) and
// keeps each one parsed, for the test to read links and wording out of.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  /** The SMTP_URL that sends to this server. */
  url: string;
  close(): Promise<void>;
}

export async function startMailCatcher(options: {
  /** Where the parsed messages go. */
  into: ParsedMail[];
  /** 0 (the default) takes a free port. */
  port?: number;
  refuses?: (address: string) => boolean;
}): Promise<MailCatcher> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuses?.(address.address)) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => options.into.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
