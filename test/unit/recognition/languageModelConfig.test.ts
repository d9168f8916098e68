import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../bot/config';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('the Azure OpenAI settings', () => {
  it('when none is set, then there is no language model (nothing leaves the tenant)', () => {
    expect(loadConfig({}).languageModel).toBeUndefined();
  });

  it('when the endpoint and deployment are set, then the model is configured with a 2 s timeout, the JSON-capable API version and Entra ID', () => {
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://trust-aoai.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' }).languageModel).toEqual({
      endpoint: 'https://trust-aoai.openai.azure.com',
      deployment: 'gpt-4o-mini',
      apiVersion: '2024-10-21',
      apiKey: undefined,
      managedIdentityClientId: undefined,
      timeoutMs: 2000,
    });
  });

  it.each([
    [{ AZURE_OPENAI_ENDPOINT: 'http://trust-aoai.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt' }, /AZURE_OPENAI_ENDPOINT: must be https/],
    [{ AZURE_OPENAI_ENDPOINT: 'https://trust-aoai.openai.azure.com' }, /AZURE_OPENAI_DEPLOYMENT: required/],
    [{ AZURE_OPENAI_API_KEY: 'k' }, /AZURE_OPENAI_API_KEY: set without AZURE_OPENAI_ENDPOINT/],
    [{ AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt', AZURE_OPENAI_TIMEOUT_MS: '30000' }, /AZURE_OPENAI_TIMEOUT_MS: must be between 100 and 10000/],
    [{ AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt', AZURE_OPENAI_API_VERSION: 'latest' }, /AZURE_OPENAI_API_VERSION: must be an API version/],
    [{ AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID: 'c' }, /keep one/],
  ])('when the settings are %o, then start-up names the problem', (env, problem) => {
    expect(problemsOf(env).join('\n')).toMatch(problem);
  });
});
