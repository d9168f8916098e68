import { beforeAll, describe, expect, it } from 'vitest';
import { ACT_ON_CONFIDENCE } from '../../../bot/recognition/intents';
import { TRAINING_CORPUS } from '../../../bot/recognition/nlu/corpus';
import { trainOfflineNlu, type OfflineNlu } from '../../../bot/recognition/nlu/offlineNlu';
import { understandWith } from '../../../bot/recognition/understanding';
import { evaluate } from '../../nlu/evaluate';
import { EVALUATION_SET } from '../../nlu/evaluationSet';

/** Below this the build fails: the bench reports the figure itself (goal 95%). */
const ACCURACY_FLOOR = 0.93;

describe('offline understanding of staff questions', () => {
  let nlu: OfflineNlu;
  beforeAll(async () => {
    nlu = await trainOfflineNlu();
  });

  it('when the evaluation set is run, then at least the floor is right and every off-topic question is declined', async () => {
    const result = await evaluate((text) => nlu.recognise(text));
    expect(result.total).toBeGreaterThanOrEqual(150);
    expect(result.accuracy, result.misses.map((m) => `${m.text} → ${m.got?.intent ?? 'declined'}`).join('\n')).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(result.offTopicDeclined).toBe(result.offTopicTotal);
  });

  it('when the evaluation set is compared with the corpus, then no question is copied from it', () => {
    const trained = new Set(Object.values(TRAINING_CORPUS).flat().map((line) => line.toLowerCase()));
    expect(EVALUATION_SET.filter(([text]) => trained.has(text.toLowerCase().replace(/[?.!]+$/, '')))).toEqual([]);
  });

  it.each([
    ['is pharmacy in the pilot', { intent: 'when-do-i-migrate', entities: { focus: 'group', department: 'pharmacy' } }],
    ['my mailbox is too big, what do I do', { intent: 'when-do-i-migrate', entities: { focus: 'mailbox' } }],
    ['when does j.bloggs@nhs.net migrate', { intent: 'colleague-migration', entities: { who: 'j.bloggs@nhs.net' } }],
    ['What is the attachment limit on NHSmail?', { intent: 'faq', entities: { topic: 'attachments' } }],
  ])('when someone asks "%s", then it is understood well enough to act on', async (text, expected) => {
    const recognition = await nlu.recognise(text);
    expect(recognition).toMatchObject(expected);
    expect(recognition?.confidence).toBeGreaterThanOrEqual(ACT_ON_CONFIDENCE);
  });

  it('when a question about the move is unlike anything it knows, then it is offered to the team with the words as typed', async () => {
    expect(await nlu.recognise('<at>Gateway</at> Does the NHSmail move change my smartcard?')).toMatchObject({
      intent: 'ask-team',
      entities: { question: 'Does the NHSmail move change my smartcard?' },
    });
  });

  it.each(['what is the weather', 'tell me a joke', 'when is lunch', 'one', ''])('when someone types "%s", then it is declined', async (text) => {
    expect(await nlu.recognise(text)).toBeUndefined();
  });

  describe('in the chain', () => {
    it('when a typed command is also a question, then the command wins', async () => {
      const understand = understandWith({ offline: () => Promise.resolve({ intent: 'faq', entities: { topic: 'attachments' }, confidence: 1 }) });
      expect((await understand('status')).intent).toBe('status');
    });

    it('when a slip of a command is not a question, then "did you mean" still comes from the near-miss check', async () => {
      const understand = understandWith({ offline: (text) => nlu.recognise(text) });
      expect(await understand('gatway 1')).toMatchObject({ intent: 'gateway', entities: { stage: 1 } });
      expect((await understand('gatway 1')).confidence).toBeLessThan(ACT_ON_CONFIDENCE);
    });

    it('when the language model fails or declines, then the offline model answers', async () => {
      const offline = (text: string | undefined) => nlu.recognise(text);
      const failing = understandWith({ model: () => Promise.resolve(undefined), offline });
      expect(await failing('is pharmacy in the pilot')).toMatchObject({ intent: 'when-do-i-migrate' });
    });
  });
});
