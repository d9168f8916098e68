/** A text input from card data, trimmed; anything that is not a string (missing, tampered) reads as empty. */
export function textInput(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.trim() : '';
}
