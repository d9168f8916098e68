import type { Agent } from 'node:http';
import { getBearerTokenProvider } from '@azure/identity';
import { GPTTokenizer, OpenAIModel, type AzureOpenAIModelOptions, type Memory, type PromptFunctions } from '@microsoft/teams-ai';
import { BotAdapter, TurnContext, type ResourceResponse } from 'botbuilder';
import type { LanguageModelConfig } from '../../config';
import { errorSummary, type Logger } from '../../log';
import { createCosmosCredential } from '../../storage/cosmosClient';
import { routeConsole } from '../../teams/sdkConsole';
import { MAX_QUESTION_LENGTH } from '../nlu/offlineNlu';
import { typedText } from '../normaliseText';
import type { AsyncRecogniser } from '../understanding';
import { CircuitBreaker, DEFAULT_CIRCUIT, type CircuitBreakerOptions, type CircuitPermit } from './circuitBreaker';
import { classificationPrompt } from './classificationPrompt';
import { recognitionFromModel } from './modelAnswer';

/** The Entra scope of Azure OpenAI (Cognitive Services) for a managed identity's token. */
const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

export interface AzureOpenAiRecogniserDeps {
  readonly logger: Logger;
  /** Tests: an agent that trusts the fake endpoint's own certificate. Production uses the client's default. */
  readonly httpAgent?: Agent;
  /** Tests: the breaker's clock and thresholds. */
  readonly circuit?: Partial<CircuitBreakerOptions>;
}

type PromptResponse = Awaited<ReturnType<OpenAIModel['completePrompt']>>;

/** Why a question was answered offline after all; logged as the reason, never with the question. */
type Fallback = 'timeout' | 'error' | 'rate-limited' | 'too-long' | 'invalid-answer';

/**
 * Staff questions classified by an Azure OpenAI deployment through teams-ai's `OpenAIModel`, as an
 * {@link AsyncRecogniser} for `understandWith({ model })`: undefined (declined) whenever the model cannot help, so
 * the offline model answers instead. Only the message text is sent, to the trust's own Azure OpenAI resource.
 *
 * A question never waits more than `timeoutMs` for it: our own race, and the client's `timeout` with no retries, so
 * the request itself is abandoned too. After repeated failures the model is skipped for a minute (the breaker),
 * which keeps turns fast while Azure OpenAI is down.
 */
export function azureOpenAiRecogniser(config: LanguageModelConfig, deps: AzureOpenAiRecogniserDeps): AsyncRecogniser {
  const log = deps.logger;
  const model = new OpenAIModel(modelOptions(config, deps.httpAgent));
  const tokenizer = new GPTTokenizer();
  const circuit: CircuitBreakerOptions = { ...DEFAULT_CIRCUIT, now: Date.now, ...deps.circuit };
  const breaker = new CircuitBreaker(circuit);
  // teams-ai prints a failed call's whole error with console.log (the HTTP response, and so possibly the words sent):
  // inside the call those lines come here, reduced to the error's type and status.
  const sdkLine = (_method: string, args: readonly unknown[]): void => {
    const err = args[0];
    log.debug({ ...errorSummary(err), status: httpStatusOf(err) }, 'teams-ai reported a failed language model call');
  };

  const fellBack = (reason: Fallback, permit: CircuitPermit): undefined => {
    log.warn({ reason, ...(reason === 'timeout' ? { timeoutMs: config.timeoutMs } : {}) }, 'language model did not answer; answered offline');
    // A reply that is not a valid answer still shows the service is up: only failures to answer pause it.
    if (reason === 'invalid-answer') breaker.succeeded(permit);
    else if (breaker.failed(permit)) log.warn({ pauseMs: circuit.pauseMs, failures: circuit.failures }, 'language model paused after repeated failures; questions are answered offline meanwhile');
    return undefined;
  };

  return async (text) => {
    const typed = typedText(text).slice(0, MAX_QUESTION_LENGTH);
    if (typed === '') return undefined;
    const permit = breaker.tryAcquire();
    if (permit === undefined) return undefined;
    const call = routeConsole(sdkLine, () => model.completePrompt(detachedContext(), EMPTY_MEMORY, NO_FUNCTIONS, tokenizer, classificationPrompt(typed)));
    const outcome = await withinTime(call, config.timeoutMs);
    if (outcome === 'timeout') return fellBack('timeout', permit);
    if (outcome instanceof Error) return fellBack('error', permit);
    const fallback = fallbackFor(outcome);
    if (fallback !== undefined) return fellBack(fallback, permit);
    const recognition = recognitionFromModel(outcome.message?.content ?? '', typed);
    // A valid "none" is the model working: it declines, and the offline model has its say.
    if (recognition === undefined && !saidNone(outcome.message?.content)) return fellBack('invalid-answer', permit);
    breaker.succeeded(permit);
    return recognition;
  };
}

function modelOptions(config: LanguageModelConfig, httpAgent: Agent | undefined): AzureOpenAIModelOptions {
  return {
    azureEndpoint: config.endpoint,
    azureDefaultDeployment: config.deployment,
    azureApiVersion: config.apiVersion,
    ...(config.apiKey !== undefined
      ? { azureApiKey: config.apiKey }
      : { azureADTokenProvider: getBearerTokenProvider(createCosmosCredential(config.managedIdentityClientId), COGNITIVE_SERVICES_SCOPE) }),
    // The system message stays a system message, apart from the person's words (teams-ai would send it as a user's).
    useSystemMessages: true,
    responseFormat: { type: 'json_object' },
    logRequests: false,
    // teams-ai reads `maxRetries` only for its deprecated options: the client's own settings are what count.
    clientOptions: { timeout: config.timeoutMs, maxRetries: 0, ...(httpAgent === undefined ? {} : { httpAgent }) },
  };
}

/** The call's outcome, 'timeout' when it took longer than `ms`, or the error it threw (it is never left unhandled). */
async function withinTime<T>(work: Promise<T>, ms: number): Promise<T | Error | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work.catch((err: unknown) => (err instanceof Error ? err : new Error('language model call failed'))), late]);
  } finally {
    clearTimeout(timer);
  }
}

function fallbackFor(response: PromptResponse): Fallback | undefined {
  switch (response.status) {
    case 'success':
      return undefined;
    case 'rate_limited':
      return 'rate-limited';
    case 'too_long':
      return 'too-long';
    default:
      return 'error';
  }
}

function saidNone(content: string | undefined): boolean {
  try {
    const json: unknown = JSON.parse(content ?? '');
    return typeof json === 'object' && json !== null && 'intent' in json && json.intent === 'none';
  } catch {
    return false;
  }
}

function httpStatusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : undefined;
}

/**
 * teams-ai's models take a turn context for their events and prompt sections; the classifier's sections read none of
 * it and nothing is ever sent through it, so it gets one of its own that refuses to send.
 */
class DetachedAdapter extends BotAdapter {
  sendActivities(): Promise<ResourceResponse[]> {
    return Promise.reject(new Error('the language model classifier never sends activities'));
  }
  updateActivity(): Promise<void> {
    return Promise.reject(new Error('the language model classifier never updates activities'));
  }
  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('the language model classifier never deletes activities'));
  }
  continueConversation(): Promise<void> {
    return Promise.reject(new Error('the language model classifier never continues conversations'));
  }
}

const DETACHED_ADAPTER = new DetachedAdapter();

function detachedContext(): TurnContext {
  return new TurnContext(DETACHED_ADAPTER, { type: 'message' });
}

/**
 * The classifier's prompt has no template variables, so its memory is always empty. teams-ai types `getValue` as
 * returning whatever is asked for, yet reads `temp.streamer` expecting undefined when there is none: hence the cast.
 */
const EMPTY_MEMORY: Memory = {
  deleteValue: () => undefined,
  hasValue: () => false,
  getValue: <TValue>() => undefined as TValue,
  setValue: () => undefined,
};

const NO_FUNCTIONS: PromptFunctions = {
  hasFunction: () => false,
  getFunction: (name) => {
    throw new Error(`the classifier prompt has no function ${name}`);
  },
  invokeFunction: (name) => Promise.reject(new Error(`the classifier prompt has no function ${name}`)),
};
