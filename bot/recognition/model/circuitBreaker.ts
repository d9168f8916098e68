/**
 * When Azure OpenAI is down, every question would otherwise wait the whole timeout before the offline answer. After
 * `failures` failures in a row the model is skipped for `pauseMs`; then one question tries it again (the others keep
 * going offline until that one is back): a success closes the circuit, a failure pauses it again.
 */
export interface CircuitBreakerOptions {
  readonly failures: number;
  readonly pauseMs: number;
  readonly now: () => number;
}

export const DEFAULT_CIRCUIT: Omit<CircuitBreakerOptions, 'now'> = { failures: 3, pauseMs: 60_000 };

/** Leave to make one call; `trial` when it is the one call let through after a pause. */
export interface CircuitPermit {
  readonly trial: boolean;
}

export class CircuitBreaker {
  private failuresInARow = 0;
  private openUntil: number | undefined;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Leave for one call, or undefined while the model is paused; report the call with `succeeded` or `failed`. */
  tryAcquire(): CircuitPermit | undefined {
    if (this.openUntil === undefined) return { trial: false };
    if (this.trialInFlight || this.options.now() < this.openUntil) return undefined;
    this.trialInFlight = true;
    return { trial: true };
  }

  succeeded(permit: CircuitPermit): void {
    if (permit.trial) this.trialInFlight = false;
    this.failuresInARow = 0;
    this.openUntil = undefined;
  }

  /** True when this failure paused the model (worth one warning, rather than one per question skipped). */
  failed(permit: CircuitPermit): boolean {
    if (permit.trial) this.trialInFlight = false;
    this.failuresInARow += 1;
    if (!permit.trial && this.failuresInARow < this.options.failures) return false;
    const pausing = permit.trial || this.openUntil === undefined;
    this.openUntil = this.options.now() + this.options.pauseMs;
    return pausing;
  }

  get isOpen(): boolean {
    return this.openUntil !== undefined;
  }
}
