/**
 * The last few kilobytes of a child process's output.
 *
 * Why bounded: a long-running child's output would otherwise grow without limit, and only its end
 * explains a failure.
 */
export class OutputTail {
  private buffer = '';

  constructor(private readonly maxChars = 8_000) {}

  append(chunk: string): void {
    this.buffer = (this.buffer + chunk).slice(-this.maxChars);
  }

  text(): string {
    return this.buffer;
  }
}
