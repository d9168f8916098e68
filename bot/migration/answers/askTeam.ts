import { can } from '../gateways/roles';
import type { IsoTimestamp, PersonRef } from '../gateways/gatewayState';
import { assertActor, findMember, personOf, type Actor } from '../projects/actor';
import type { Clock } from '../projects/clock';
import type { IdGenerator } from '../projects/idGenerator';
import type { Project } from '../projects/project';
import type { ProjectRepository } from '../projects/projectRepository';
import { InvalidState, NotFound, PermissionDenied, ValidationFailed } from '../shared/errors';

/**
 * A question Gateway could not answer, passed to the project team ("ask an expert"). Kept as its own document in the
 * project's partition, because it holds personal data (who asked, and what) that the project's record should not
 * carry, and so answering one never contends with a checklist change.
 */
export interface AskTeamQuestion {
  readonly questionId: string;
  readonly projectId: string;
  readonly tenantId: string;
  /** Who asked: the Teams user id is where the answer goes. */
  readonly askedBy: PersonRef & { readonly aadObjectId?: string };
  readonly question: string;
  readonly askedAt: IsoTimestamp;
  readonly answer?: { readonly text: string; readonly by: PersonRef; readonly at: IsoTimestamp };
}

/** Where the questions are kept. */
export interface AskTeamRepository {
  create(question: AskTeamQuestion): Promise<void>;
  get(projectId: string, questionId: string): Promise<AskTeamQuestion | undefined>;
  /** Applies `decide` to the stored question with an eTag check; a concurrent change makes it read and decide again. */
  update(projectId: string, questionId: string, decide: (current: AskTeamQuestion) => AskTeamQuestion): Promise<AskTeamQuestion>;
}

export interface AskTeamDeps {
  readonly questions: AskTeamRepository;
  readonly projects: Pick<ProjectRepository, 'get'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export const MAX_QUESTION_CHARS = 1000;
export const MAX_ANSWER_CHARS = 4000;

/** Keeps the question for the project team. The person's own words, trimmed; nothing else about them but their name and ids. */
export async function askTheTeam(deps: AskTeamDeps, command: { readonly actor: Actor; readonly projectId: string; readonly question: string }): Promise<{ readonly question: AskTeamQuestion; readonly project: Project }> {
  assertActor(command.actor);
  const text = command.question.replace(/\s+/g, ' ').trim();
  if (text === '') throw new ValidationFailed([{ field: 'question', message: 'There is no question to pass on.' }]);
  if (text.length > MAX_QUESTION_CHARS) throw new ValidationFailed([{ field: 'question', message: `A question can be at most ${MAX_QUESTION_CHARS} characters.` }]);
  const project = await deps.projects.get(command.projectId);
  if (!project || project.tenantId !== command.actor.tenantId) throw new NotFound('migration project', command.projectId);
  const question: AskTeamQuestion = {
    questionId: deps.ids.newId(),
    projectId: project.projectId,
    tenantId: project.tenantId,
    askedBy: { ...personOf(command.actor), ...(command.actor.aadObjectId === undefined ? {} : { aadObjectId: command.actor.aadObjectId }) },
    question: text,
    askedAt: deps.clock.now().toISOString(),
  };
  await deps.questions.create(question);
  return { question, project };
}

/**
 * A project team member's answer. Only the team answers (not staff, who are the ones asking), and each question once:
 * a second answer, from a card someone else already used, is refused naming who answered.
 */
export async function answerTeamQuestion(
  deps: AskTeamDeps,
  command: { readonly actor: Actor; readonly projectId: string; readonly questionId: string; readonly answer: string },
): Promise<{ readonly question: AskTeamQuestion; readonly project: Project }> {
  assertActor(command.actor);
  const project = await deps.projects.get(command.projectId);
  if (!project || project.tenantId !== command.actor.tenantId) throw new NotFound('migration project', command.projectId);
  const role = findMember(project, command.actor)?.role ?? 'staff';
  if (!can(role, 'update-item')) throw new PermissionDenied('Only members of the project team can answer questions passed to the team.', 'Ask your project manager to give you a role on the project.');
  const text = command.answer.trim();
  if (text === '') throw new ValidationFailed([{ field: 'answer', message: 'Please type an answer before sending it.' }]);
  if (text.length > MAX_ANSWER_CHARS) throw new ValidationFailed([{ field: 'answer', message: `An answer can be at most ${MAX_ANSWER_CHARS} characters.` }]);
  const existing = await deps.questions.get(project.projectId, command.questionId);
  if (!existing) throw new NotFound('question', command.questionId);
  const question = await deps.questions.update(project.projectId, command.questionId, (current) => {
    if (current.answer !== undefined) throw new InvalidState(`${current.answer.by.name} has already answered this question.`);
    return { ...current, answer: { text, by: personOf(command.actor), at: deps.clock.now().toISOString() } };
  });
  return { question, project };
}
