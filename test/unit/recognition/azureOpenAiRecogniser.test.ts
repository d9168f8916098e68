import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LanguageModelConfig } from '../../../bot/config';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/log';
import type { Recognition } from '../../../bot/recognition/intents';
import { azureOpenAiRecogniser } from '../../../bot/recognition/model/azureOpenAiRecogniser';
import { understandWith, type AsyncRecogniser } from '../../../bot/recognition/understanding';
import { routeConsole } from '../../../bot/teams/sdkConsole';
import { FakeAzureOpenAi } from '../../harness/fakeAzureOpenAi';

/** What the offline path says in these tests: unmistakably not the model's answer. */
const OFFLINE_ANSWER: Recognition = { intent: 'faq', entities: { topic: 'forwarding' }, confidence: 0.9 };
const offline: AsyncRecogniser = () => Promise.resolve(OFFLINE_ANSWER);

const QUESTION = 'Can I still open emails from my old account once I have moved?';

describe('the optional Azure OpenAI model, against a fake endpoint over https', () => {
  let fake: FakeAzureOpenAi;
  let lines: string[];
  let clock: number;

  const settings = (overrides: Partial<LanguageModelConfig> = {}): LanguageModelConfig => ({
    endpoint: fake.endpoint,
    deployment: 'gpt-4o-mini',
    apiVersion: '2024-10-21',
    apiKey: 'test-key',
    managedIdentityClientId: undefined,
    timeoutMs: 1500,
    ...overrides,
  });
  const understanding = (overrides: Partial<LanguageModelConfig> = {}) =>
    understandWith({
      offline,
      model: azureOpenAiRecogniser(settings(overrides), {
        logger: createLogger('debug', { write: (line: string) => void lines.push(line) }),
        httpAgent: fake.agent,
        circuit: { now: () => clock },
      }),
    });

  beforeAll(async () => {
    fake = await FakeAzureOpenAi.start();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    lines = [];
    clock = 0;
  });

  it('when the model answers with a valid intent, then its answer is used and the offline model is not needed', async () => {
    fake.answerWith(() => ({ content: '{"intent":"faq","topic":"old-email"}' }));
    expect(await understanding()(QUESTION)).toEqual({ intent: 'faq', entities: { topic: 'old-email' }, confidence: 0.9 });
  });

  it('when a question is sent, then only the instructions and the person’s words go, to the deployment, with the key and the JSON format', async () => {
    fake.answerWith(() => ({ content: '{"intent":"none"}' }));
    await understanding()(`<at>Gateway</at> ${QUESTION}`);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/openai/deployments/gpt-4o-mini/chat/completions', apiVersion: '2024-10-21', apiKey: 'test-key' });
    expect(request?.body.response_format).toEqual({ type: 'json_object' });
    expect(request?.body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request?.body.messages?.[1]?.content).toBe(QUESTION);
  });

  it.each([
    ['a reply that is not JSON', 'Sure! The answer is faq.'],
    ['an intent Gateway does not have', '{"intent":"weather"}'],
    ['a frequent question Gateway does not have', '{"intent":"faq","topic":"printers"}'],
    ['a focus Gateway does not have', '{"intent":"when-do-i-migrate","focus":"salary"}'],
    ['a colleague the message does not name', '{"intent":"colleague-migration","who":"Jane Smith"}'],
    ['a work area the message does not name', '{"intent":"when-do-i-migrate","focus":"group","department":"pharmacy"}'],
    ['"none"', '{"intent":"none"}'],
  ])('when the model answers with %s, then the offline answer is given', async (_what, content) => {
    fake.answerWith(() => ({ content }));
    expect(await understanding()(QUESTION)).toEqual(OFFLINE_ANSWER);
    expect(fake.requests).toHaveLength(1);
  });

  it('when the model names a colleague and a work area the message does contain, then they are taken as typed', async () => {
    fake.answerWith(() => ({ content: '{"intent":"colleague-migration","who":"priya shah"}' }));
    expect(await understanding()('when is Priya Shah moving over?')).toMatchObject({ intent: 'colleague-migration', entities: { who: 'Priya Shah' } });
    fake.answerWith(() => ({ content: '{"intent":"when-do-i-migrate","focus":"group","department":"casualty"}' }));
    expect(await understanding()('are we in casualty going first')).toMatchObject({ intent: 'when-do-i-migrate', entities: { focus: 'group', department: 'emergency department' } });
  });

  it('when the model passes a question to the team, then the question is the person’s own words, whatever the model says', async () => {
    fake.answerWith(() => ({ content: '{"intent":"ask-team","question":"something else entirely"}' }));
    expect(await understanding()(QUESTION)).toEqual({ intent: 'ask-team', entities: { question: QUESTION }, confidence: 0.9 });
  });

  it('when the model is slower than the timeout, then the offline answer is given', async () => {
    fake.answerWith(() => ({ content: '{"intent":"faq","topic":"old-email"}', delayMs: 15_000 }));
    expect(await understanding({ timeoutMs: 300 })(QUESTION)).toEqual(OFFLINE_ANSWER);
    expect(lines.join('')).toContain('"reason":"timeout"');
  });

  it.each([
    [500, 'error'],
    [429, 'rate-limited'],
    [401, 'error'],
  ])('when the endpoint answers %i, then the offline answer is given and a warning names the reason, not the words', async (status, reason) => {
    fake.answerWith(() => ({ status, body: JSON.stringify({ error: { code: 'x', message: `echo: ${QUESTION}` } }) }));
    expect(await understanding()(QUESTION)).toEqual(OFFLINE_ANSWER);
    const log = lines.join('');
    expect(log).toContain(`"reason":"${reason}"`);
    expect(log).not.toContain('old account');
  });

  it('when the call fails, then teams-ai’s own console output is kept off the console', async () => {
    fake.answerWith(() => ({ status: 500, body: JSON.stringify({ error: { message: `echo: ${QUESTION}` } }) }));
    const printed: unknown[][] = [];
    const understand = understanding();
    await routeConsole((_method, args) => void printed.push([...args]), () => understand(QUESTION));
    expect(printed).toEqual([]);
    expect(lines.join('')).toContain('teams-ai reported a failed language model call');
  });

  it('when the model fails three times in a row, then it is skipped for a minute, then tried once more, and a success closes the circuit', async () => {
    fake.answerWith(() => ({ status: 500, body: '{}' }));
    const understand = understanding();
    for (let i = 0; i < 3; i += 1) expect(await understand(QUESTION)).toEqual(OFFLINE_ANSWER);
    expect(fake.requests).toHaveLength(3);
    expect(lines.join('')).toContain('language model paused');

    clock += 59_000;
    expect(await understand(QUESTION)).toEqual(OFFLINE_ANSWER);
    expect(fake.requests).toHaveLength(3);

    clock += 1_000;
    fake.answerWith(() => ({ content: '{"intent":"faq","topic":"old-email"}' }));
    expect(await understand(QUESTION)).toMatchObject({ intent: 'faq', entities: { topic: 'old-email' } });
    expect(await understand(QUESTION)).toMatchObject({ intent: 'faq', entities: { topic: 'old-email' } });
    expect(fake.requests).toHaveLength(5);
  });

  it.each(['help', 'gateway 2', 'risks', 'my actions', 'status'])('when someone types the command "%s", then the model is never asked', async (command) => {
    fake.answerWith(() => ({ content: '{"intent":"faq","topic":"old-email"}' }));
    const recognition = await understanding()(command);
    expect(recognition.intent).not.toBe('faq');
    expect(fake.requests).toEqual([]);
  });

  it('when no Azure OpenAI setting is given, then there is no model to ask', () => {
    expect(loadConfig({}).languageModel).toBeUndefined();
  });
});
