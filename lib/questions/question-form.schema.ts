import { z } from 'zod';
import { SIGNAL_CATALOG } from '../rubric/signal-catalog';
import { LEVELS, type Level } from '../rubric/levels';
import { ROUND_KIND_LABELS, ROUND_KINDS, type RoundKind } from '../rounds/round-kind';
import { DIFFICULTIES, TWIST_ROUND_KINDS, type Difficulty } from './question-vocabulary';
import {
  PROMPT_MAX_LENGTH,
  SOLUTION_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  TITLE_MIN_LENGTH,
  TWIST_PROMPT_MAX_LENGTH,
  TWIST_SLOTS,
  TWIST_STRONG_ANSWER_MAX_LENGTH,
  TWIST_TITLE_MAX_LENGTH,
  type TwistSlot,
} from './question-limits';
import type { QuestionGuideView, StoredProbe, StoredTwist } from './question-views';
import type { FormState } from '@/lib/http/form-state';

const HINTS_MAX_LENGTH = 10_000;
const PROBE_MAX_LENGTH = 2_000;

const TWIST_PARTS = ['Key', 'Title', 'Prompt', 'StrongAnswer', 'Signal'] as const;
type TwistField = `twist${TwistSlot}${(typeof TWIST_PARTS)[number]}`;

/** The form's flat field names of every twist slot (`twist1Title` ...), in slot order. */
export const TWIST_FIELDS: readonly TwistField[] = TWIST_SLOTS.flatMap((slot) => TWIST_PARTS.map((part) => `twist${slot}${part}` as const));

/**
 * What the question form submits: flat strings, as FormData carries them (signal keys may repeat). Twists come in
 * numbered slots (`twist1Title`, `twist1Prompt` ...), each field named on its own so its error shows beside it.
 */
export interface QuestionFormValues extends Record<TwistField, string> {
  title: string;
  roundKind: string;
  difficulty: string;
  prompt: string;
  solution: string;
  /** One hint per line, mildest first. */
  hints: string;
  probeE4: string;
  probeE4LookFor: string;
  probeE5: string;
  probeE5LookFor: string;
  probeE6: string;
  probeE6LookFor: string;
  signalKeys: string[];
}

export type QuestionFormField = keyof QuestionFormValues;

/** The validated question, ready to store. */
export interface QuestionInput {
  title: string;
  roundKind: RoundKind;
  difficulty: Difficulty;
  prompt: string;
  guide: { solution: string; hints: string[]; probes: StoredProbe[]; signalKeys: string[]; twists: StoredTwist[] };
}

// Browsers submit textareas with CRLF; store LF so edits and diffs stay clean.
const normalizeNewlines = (value: string) => value.replace(/\r\n?/g, '\n');

const optionalText = (max: number, what: string) =>
  z
    .string()
    .default('')
    .transform(normalizeNewlines)
    .pipe(z.string().trim().max(max, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`));

const probeFields = Object.fromEntries(
  LEVELS.flatMap((level) => [
    [`probe${level}`, optionalText(PROBE_MAX_LENGTH, 'the probe')],
    [`probe${level}LookFor`, optionalText(PROBE_MAX_LENGTH, 'what to look for')],
  ]),
) as Record<`probe${Level}` | `probe${Level}LookFor`, ReturnType<typeof optionalText>>;

const twistFields = Object.fromEntries(
  TWIST_SLOTS.flatMap((slot) => [
    [`twist${slot}Key`, z.string().default('').transform((value) => value.trim())],
    [`twist${slot}Title`, optionalText(TWIST_TITLE_MAX_LENGTH, 'the twist title')],
    [`twist${slot}Prompt`, optionalText(TWIST_PROMPT_MAX_LENGTH, 'the twist')],
    [`twist${slot}StrongAnswer`, optionalText(TWIST_STRONG_ANSWER_MAX_LENGTH, 'the strong answer')],
    [`twist${slot}Signal`, z.string().default('').transform((value) => value.trim())],
  ]),
) as Record<TwistField, ReturnType<typeof optionalText>>;

const SIGNAL_ROUND = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal.roundKind]));

const TWIST_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slot any of whose fields (but its hidden key) is filled in. */
function isTwistSlotUsed(form: Record<TwistField, string>, slot: TwistSlot): boolean {
  return [form[`twist${slot}Title`], form[`twist${slot}Prompt`], form[`twist${slot}StrongAnswer`], form[`twist${slot}Signal`]].some((value) => value !== '');
}

/** A twist's key names it in every session that fired it: kept from the stored twist, else made from its title. */
function twistKeyOf(storedKey: string, title: string, taken: Set<string>): string {
  const base = TWIST_KEY_PATTERN.test(storedKey)
    ? storedKey
    : title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '') || 'twist';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
  taken.add(key);
  return key;
}

export const questionFormSchema = z
  .object({
    title: z
      .string({ error: 'Enter a title.' })
      .trim()
      .min(1, { message: 'Enter a title.', abort: true })
      .min(TITLE_MIN_LENGTH, `Use at least ${TITLE_MIN_LENGTH} characters.`)
      .max(TITLE_MAX_LENGTH, `Use at most ${TITLE_MAX_LENGTH} characters.`),
    roundKind: z.enum(ROUND_KINDS, { error: 'Choose a round.' }),
    difficulty: z.enum(DIFFICULTIES, { error: 'Choose a difficulty.' }),
    prompt: z
      .string({ error: 'Write the prompt the candidate will see.' })
      .transform(normalizeNewlines)
      // Markdown may start with an indented code block, so only blank-ness is judged, the text is kept.
      .refine((value) => value.trim() !== '', { message: 'Write the prompt the candidate will see.', abort: true })
      .refine((value) => value.length <= PROMPT_MAX_LENGTH, `Keep the prompt under ${PROMPT_MAX_LENGTH.toLocaleString('en-US')} characters.`)
      .transform((value) => value.trimEnd()),
    solution: z
      .string()
      .default('')
      .transform(normalizeNewlines)
      .refine((value) => value.length <= SOLUTION_MAX_LENGTH, `Keep the solution under ${SOLUTION_MAX_LENGTH.toLocaleString('en-US')} characters.`)
      .transform((value) => value.trimEnd()),
    hints: optionalText(HINTS_MAX_LENGTH, 'the hints'),
    ...probeFields,
    signalKeys: z.array(z.string()).default([]),
    ...twistFields,
  })
  .superRefine((form, ctx) => {
    for (const slot of TWIST_SLOTS) {
      if (!isTwistSlotUsed(form, slot)) continue;
      if (!TWIST_ROUND_KINDS.includes(form.roundKind)) {
        ctx.addIssue({ code: 'custom', path: [`twist${slot}Title`], message: 'Twists are for SQL, data-modeling and design rounds; clear this one.' });
        continue;
      }
      if (form[`twist${slot}Title`] === '') ctx.addIssue({ code: 'custom', path: [`twist${slot}Title`], message: 'Give the twist a name.' });
      if (form[`twist${slot}Prompt`] === '') ctx.addIssue({ code: 'custom', path: [`twist${slot}Prompt`], message: 'Write what the candidate sees when you fire it.' });
      if (SIGNAL_ROUND.get(form[`twist${slot}Signal`]) !== form.roundKind) {
        ctx.addIssue({ code: 'custom', path: [`twist${slot}Signal`], message: `Choose the ${ROUND_KIND_LABELS[form.roundKind]} signal it probes.` });
      }
    }
    const foreign = form.signalKeys.filter((key) => SIGNAL_ROUND.get(key) !== form.roundKind);
    if (foreign.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['signalKeys'],
        message: `Choose signals of the ${ROUND_KIND_LABELS[form.roundKind]} round only (not ${foreign.join(', ')}).`,
      });
    }
    for (const level of LEVELS) {
      if (form[`probe${level}`] === '' && form[`probe${level}LookFor`] !== '') {
        ctx.addIssue({ code: 'custom', path: [`probe${level}`], message: `Write the ${level} probe, or clear what to look for.` });
      }
    }
  })
  .transform(
    (form): QuestionInput => ({
      title: form.title,
      roundKind: form.roundKind,
      difficulty: form.difficulty,
      prompt: form.prompt,
      guide: {
        solution: form.solution,
        hints: form.hints
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        probes: LEVELS.filter((level) => form[`probe${level}`] !== '').map((level) => ({
          level,
          prompt: form[`probe${level}`],
          lookFor: form[`probe${level}LookFor`],
        })),
        signalKeys: [...new Set(form.signalKeys)],
        twists: twistsOf(form),
      },
    }),
  );

function twistsOf(form: Record<TwistField, string>): StoredTwist[] {
  const taken = new Set<string>();
  return TWIST_SLOTS.filter((slot) => isTwistSlotUsed(form, slot)).map((slot) => ({
    key: twistKeyOf(form[`twist${slot}Key`], form[`twist${slot}Title`], taken),
    title: form[`twist${slot}Title`],
    prompt: form[`twist${slot}Prompt`],
    strongAnswer: form[`twist${slot}StrongAnswer`],
    probesSignalKey: form[`twist${slot}Signal`],
  }));
}

const EMPTY_TWIST_FIELDS = Object.fromEntries(TWIST_FIELDS.map((field) => [field, ''])) as Record<TwistField, string>;

/** The twist slots filled from stored twists (the form holds TWIST_SLOTS of them; later ones are not shown). */
function twistFieldsOf(twists: readonly StoredTwist[]): Record<TwistField, string> {
  const fields = { ...EMPTY_TWIST_FIELDS };
  TWIST_SLOTS.forEach((slot, index) => {
    const twist = twists[index];
    if (!twist) return;
    fields[`twist${slot}Key`] = twist.key;
    fields[`twist${slot}Title`] = twist.title;
    fields[`twist${slot}Prompt`] = twist.prompt;
    fields[`twist${slot}StrongAnswer`] = twist.strongAnswer;
    fields[`twist${slot}Signal`] = twist.probesSignalKey;
  });
  return fields;
}

export const EMPTY_QUESTION_FORM: QuestionFormValues = {
  title: '',
  roundKind: '',
  difficulty: '',
  prompt: '',
  solution: '',
  hints: '',
  probeE4: '',
  probeE4LookFor: '',
  probeE5: '',
  probeE5LookFor: '',
  probeE6: '',
  probeE6LookFor: '',
  signalKeys: [],
  ...EMPTY_TWIST_FIELDS,
};

/** Pre-fills the edit form. The form holds one probe per level, which is what every question has. */
export function questionFormValuesOf(
  question: { title: string; roundKind: RoundKind; difficulty: Difficulty; prompt: string },
  guide: Omit<QuestionGuideView, 'signalLabels' | 'solutionHtml'> | null,
): QuestionFormValues {
  const probe = (level: Level) => guide?.probes.find((candidate) => candidate.level === level);
  return {
    title: question.title,
    roundKind: question.roundKind,
    difficulty: question.difficulty,
    prompt: question.prompt,
    solution: guide?.solution ?? '',
    hints: guide?.hints.join('\n') ?? '',
    probeE4: probe('E4')?.prompt ?? '',
    probeE4LookFor: probe('E4')?.lookFor ?? '',
    probeE5: probe('E5')?.prompt ?? '',
    probeE5LookFor: probe('E5')?.lookFor ?? '',
    probeE6: probe('E6')?.prompt ?? '',
    probeE6LookFor: probe('E6')?.lookFor ?? '',
    signalKeys: guide?.signalKeys ?? [],
    ...twistFieldsOf(guide?.twists ?? []),
  };
}

/** The signals a question of each round may list, for the form's checkboxes (labels only, no rubric text). */
export function signalOptionsByRound(): Record<RoundKind, { key: string; label: string }[]> {
  const options = Object.fromEntries(ROUND_KINDS.map((kind) => [kind, [] as { key: string; label: string }[]]));
  for (const signal of SIGNAL_CATALOG) options[signal.roundKind]?.push({ key: signal.key, label: signal.label });
  return options as Record<RoundKind, { key: string; label: string }[]>;
}

/** zod issues as field → messages, the shape forms show next to their inputs. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** The question form between submissions (create and edit). */
export type QuestionFormState = FormState<QuestionFormValues>;
