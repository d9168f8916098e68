import { describe, expect, it } from 'vitest';
import { mergeBySeq, sequence } from '../../bot/storage/auditPages';

describe('merging a paged log', () => {
  const entries = sequence(
    Array.from({ length: 6 }, (_, n) => ({ n })),
    10,
  );

  it('when pages and the document hold overlapping entries, in any order, then each entry comes back once, oldest first, without its sequence number', () => {
    const pages = [{ entries: entries.slice(2, 4) }, { entries: entries.slice(0, 2) }];
    expect(mergeBySeq(pages, entries.slice(1))).toEqual([0, 1, 2, 3, 4, 5].map((n) => ({ n })));
  });

  it('when there are no pages, then the inline entries are the log', () => {
    expect(mergeBySeq([], entries.slice(3))).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }]);
  });
});
