import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the listener received it, decoded enough to check recipients, headers, subject and links. */
export type ReceivedMail = { to: string[]; headers: Record<string, string>; subject: string; text: string; html: string };

/** What the listener answers to RCPT TO: accept, a temporary 451, or a permanent 550 ("no such user"). */
export type SmtpBehaviour = "accept" | "tempfail" | "bounce";

const decodeQuotedPrintable = (body: string) =>
  Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replaceAll("_", " ")),
    );

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  return { headers: parseHeaders(raw.slice(0, end)), body: raw.slice(end).replace(/^\r?\n\r?\n/, "") };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = headers["content-transfer-encoding"]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

/** The text and HTML parts of a (possibly multipart/alternative) message. */
function parseMessage(raw: string): Omit<ReceivedMail, "to"> {
  const { headers, body } = splitPart(raw);
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const chunk of chunks) {
    const part = splitPart(chunk.replace(/^\r?\n/, ""));
    parts.push({ type: part.headers["content-type"] ?? "", content: decodeBody(part.headers, part.body) });
  }
  return {
    headers,
    subject: headers.subject ?? "",
    text: parts.find(({ type }) => type.startsWith("text/plain"))?.content ?? "",
    html: parts.find(({ type }) => type.startsWith("text/html"))?.content ?? "",
  };
}

/**
 * A real SMTP server on a free port for tests: collects what it receives and can be told to
 * refuse recipients temporarily (451) or for good (550), like a mail server in trouble or a
 * mailbox that does not exist.
 */
export async function startSmtpListener() {
  const received: ReceivedMail[] = [];
  const state = { behaviour: "accept" as SmtpBehaviour };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.behaviour === "accept") return callback();
      const [code, message] = state.behaviour === "tempfail" ? [451, "Mailbox busy, try again later"] : [550, "No such user here"];
      callback(Object.assign(new Error(message), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map(({ address }) => address), ...parseMessage(Buffer.concat(chunks).toString("latin1")) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    behave(behaviour: SmtpBehaviour) {
      state.behaviour = behaviour;
    },
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
