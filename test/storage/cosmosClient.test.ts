import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { createCosmosClient, createCosmosCredential } from '../../bot/storage/cosmosClient';

describe('createCosmosClient', () => {
  it('when a managed identity client id is given, then a managed identity credential is used', () => {
    expect(createCosmosCredential('00000000-0000-0000-0000-000000000001')).toBeInstanceOf(ManagedIdentityCredential);
  });

  it('when no client id is given, then the default credential chain is used', () => {
    expect(createCosmosCredential()).toBeInstanceOf(DefaultAzureCredential);
  });

  it('when no key is given for an http endpoint, then it refuses to send tokens in the clear', () => {
    expect(() => createCosmosClient({ endpoint: 'http://127.0.0.1:8081' })).toThrow(/plain HTTP/);
  });

  it('when the key is empty, then it fails fast instead of falling back to Entra ID', () => {
    expect(() => createCosmosClient({ endpoint: 'https://example.documents.azure.com/', key: '' })).toThrow(/key is empty/);
  });

  it('when the endpoint is not http(s), then it fails naming the protocol', () => {
    expect(() => createCosmosClient({ endpoint: 'ftp://example.com', key: 'k' })).toThrow(/ftp:/);
  });
});
