/**
 * The little of NLP.js 4 that Gateway uses, typed here because the packages ship no types. Kept to what
 * `offlineNlu.ts` calls, so replacing the library means replacing that one file and this one.
 */
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Promise<NlpContainer>;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}

declare module '@nlpjs/nlp' {
  import type { NlpContainer } from '@nlpjs/core';

  export interface NlpClassification {
    readonly intent: string;
    readonly score: number;
  }
  export interface NlpResult {
    readonly intent: string;
    readonly score: number;
    readonly classifications: readonly NlpClassification[];
  }
  export interface NlpSettings {
    readonly languages: readonly string[];
    readonly autoSave: boolean;
    readonly autoLoad: boolean;
    readonly calculateSentiment: boolean;
    readonly container: NlpContainer;
    readonly nlu?: Readonly<Record<string, unknown>>;
  }
  export class Nlp {
    constructor(settings: NlpSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    readonly nluManager: { process(locale: string, utterance: string): Promise<NlpResult> };
  }
}
