import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../bot/recognition/model/circuitBreaker';

describe('the language model circuit breaker', () => {
  const setUp = () => {
    const clock = { now: 0 };
    return { clock, breaker: new CircuitBreaker({ failures: 3, pauseMs: 60_000, now: () => clock.now }) };
  };

  it('when two calls fail and the third succeeds, then the count starts again and nothing pauses', () => {
    const { breaker } = setUp();
    for (const _ of [1, 2]) expect(breaker.failed(breaker.tryAcquire()!)).toBe(false);
    breaker.succeeded(breaker.tryAcquire()!);
    for (const _ of [1, 2]) expect(breaker.failed(breaker.tryAcquire()!)).toBe(false);
    expect(breaker.isOpen).toBe(false);
  });

  it('when the trial after a pause is in flight, then other questions skip the model; when it fails, the pause starts again', () => {
    const { clock, breaker } = setUp();
    const opened = [1, 2, 3].map(() => breaker.failed(breaker.tryAcquire()!));
    expect(opened).toEqual([false, false, true]);
    expect(breaker.tryAcquire()).toBeUndefined();
    clock.now = 60_000;
    const trial = breaker.tryAcquire();
    expect(trial).toEqual({ trial: true });
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(breaker.failed(trial!)).toBe(true);
    clock.now = 119_999;
    expect(breaker.tryAcquire()).toBeUndefined();
    clock.now = 120_000;
    breaker.succeeded(breaker.tryAcquire()!);
    expect(breaker.tryAcquire()).toEqual({ trial: false });
  });
});
