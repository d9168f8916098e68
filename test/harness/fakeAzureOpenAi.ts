import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** One chat completion request the fake received: where it went, its key, and the messages it carried. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly apiVersion: string | null;
  readonly apiKey: string | undefined;
  readonly body: { readonly messages?: readonly { readonly role: string; readonly content: string }[]; readonly response_format?: unknown; readonly [key: string]: unknown };
}

/** How the fake answers one request: a model reply (`content`), or a raw status and body, after an optional delay. */
export type FakeReply = { readonly content: string; readonly delayMs?: number } | { readonly status: number; readonly body: string; readonly delayMs?: number };

/**
 * An Azure-OpenAI-compatible chat completions endpoint on loopback, over https (teams-ai refuses any other Azure
 * endpoint) with a certificate made by openssl for this run. `agent` trusts exactly that certificate, so the client
 * under test verifies TLS as it would in Azure. Every request is recorded, so a test can prove none was made.
 */
export class FakeAzureOpenAi {
  readonly requests: RecordedRequest[] = [];
  /** Trusts exactly this fake's certificate. */
  readonly agent: https.Agent;
  private reply: (userText: string) => FakeReply = () => ({ content: '{"intent":"none"}' });
  private readonly server: https.Server;

  private constructor(key: string, cert: string) {
    this.agent = new https.Agent({ ca: cert, keepAlive: true });
    this.server = https.createServer({ key, cert }, (req, res) => this.handle(req, res));
  }

  static async start(): Promise<FakeAzureOpenAi> {
    const { key, cert } = await selfSignedCertificate();
    const fake = new FakeAzureOpenAi(key, cert);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** `https://127.0.0.1:<port>`, as AZURE_OPENAI_ENDPOINT. */
  get endpoint(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as RecordedRequest['body'];
      const apiKey = req.headers['api-key'];
      this.requests.push({ method: req.method ?? '', path: url.pathname, apiVersion: url.searchParams.get('api-version'), apiKey: typeof apiKey === 'string' ? apiKey : undefined, body });
      const userText = body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '';
      const reply = this.reply(userText);
      const send = () => {
        if (res.destroyed) return;
        // Separate calls: restify, loaded in the same process by the bot, replaces writeHead with one that returns nothing.
        res.writeHead('content' in reply ? 200 : reply.status, { 'content-type': 'application/json' });
        res.end('content' in reply ? JSON.stringify(chatCompletion(reply.content)) : reply.body);
      };
      if (reply.delayMs === undefined) send();
      else setTimeout(send, reply.delayMs).unref();
    });
  }

  /** How to answer from now on, given the person's words (the last user message). */
  answerWith(reply: (userText: string) => FakeReply): void {
    this.reply = reply;
  }

  reset(): void {
    this.requests.length = 0;
    this.reply = () => ({ content: '{"intent":"none"}' });
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A chat completion as Azure OpenAI returns it, holding one assistant message. */
function chatCompletion(content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'gpt-4o-mini',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** A certificate for 127.0.0.1, valid for a day, made fresh for each run (nothing secret is kept in the repo). */
async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fake-aoai-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
