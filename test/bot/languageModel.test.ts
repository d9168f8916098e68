import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messageActivity, postActivity } from '../harness/activities';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { FakeAzureOpenAi } from '../harness/fakeAzureOpenAi';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';

/** The offline model sends this one to the team rather than to the forwarding answer (see the README's misses). */
const QUESTION = 'will my old address still work after the move';
const FORWARDING = '{"intent":"faq","topic":"forwarding"}';

describe('the optional Azure OpenAI model, in whole HTTP turns with the fake connector', () => {
  let fake: FakeAzureOpenAi;
  let withModel: GatewayUnderTest;
  let withoutModel: GatewayUnderTest;
  const lines: string[] = [];

  const say = async (bot: GatewayUnderTest, text: string) => {
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: '29:sam', fromName: 'Sam Patel', conversationId: 'a:personal-sam' }));
    const [reply] = await bot.connector.waitForActivities(1);
    return reply!;
  };

  beforeAll(async () => {
    fake = await FakeAzureOpenAi.start();
    withModel = await startGatewayUnderTest({
      env: { AZURE_OPENAI_ENDPOINT: fake.endpoint, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini', AZURE_OPENAI_API_KEY: 'test-key', AZURE_OPENAI_TIMEOUT_MS: '1500', LOG_LEVEL: 'debug' },
      logDestination: { write: (line) => void lines.push(line) },
      runtime: { languageModel: { httpAgent: fake.agent } },
    });
    withoutModel = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await withModel.close();
    await withoutModel.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    withModel.connector.reset();
    withoutModel.connector.reset();
  });

  it('when the model understands a question the offline model would pass on, then the person gets the model’s answer', async () => {
    fake.answerWith(() => ({ content: FORWARDING }));
    const reply = await say(withModel, QUESTION);
    expect(visibleText(reply)).toContain('Forwarding');
    expect(fake.requests.map((r) => r.body.messages?.at(-1)?.content)).toEqual([QUESTION]);
  });

  it('when Azure OpenAI fails, then the same question gets the offline answer and the log holds the reason, not the words', async () => {
    fake.answerWith(() => ({ status: 500, body: JSON.stringify({ error: { message: `echo: ${QUESTION}` } }) }));
    const reply = await say(withModel, QUESTION);
    expect(JSON.stringify(adaptiveCardOf(reply))).toContain('"title":"Pass it to the project team"');
    const log = lines.join('');
    expect(log).toContain('"reason":"error"');
    expect(log).not.toContain('old address');
  });

  it('when no Azure OpenAI setting is given, then the offline model answers and no request is ever made', async () => {
    fake.answerWith(() => ({ content: FORWARDING }));
    const reply = await say(withoutModel, QUESTION);
    expect(JSON.stringify(adaptiveCardOf(reply))).toContain('"title":"Pass it to the project team"');
    expect(fake.requests).toEqual([]);
  });

  it('when someone types a command, then it is answered as the command and the model is never asked', async () => {
    fake.answerWith(() => ({ content: FORWARDING }));
    const reply = await say(withModel, 'help');
    expect(visibleText(reply)).not.toContain('Forwarding');
    expect(fake.requests).toEqual([]);
  });
});
