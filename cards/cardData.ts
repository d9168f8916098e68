/** A text input from card data, trimmed; anything that is not a string (missing, tampered) reads as empty. */
export function textInput(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** The item version a card was drawn at; anything but a whole number becomes -1, which the domain refuses kindly. */
export function versionInput(data: Record<string, unknown>): number {
  const value = Number(data.expectedVersion);
  return Number.isSafeInteger(value) ? value : -1;
}
