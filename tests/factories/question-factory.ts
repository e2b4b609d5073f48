import { randomBytes } from 'node:crypto';
import { EMPTY_QUESTION_FORM, type QuestionFormValues } from '@/lib/questions/question-form.schema';

/** Question form input with a unique title and a unique, searchable solution marker. */
export function buildQuestionInput(overrides: Partial<QuestionFormValues> = {}): QuestionFormValues & { marker: string } {
  const id = randomBytes(5).toString('hex');
  const marker = `solution-marker-${id}`;
  return {
    ...EMPTY_QUESTION_FORM,
    title: `Deduplicate late events ${id}`,
    roundKind: 'SQL',
    difficulty: 'MEDIUM',
    prompt: `Table \`events_${id}(user_id BIGINT, event_ts TIMESTAMP, ds VARCHAR)\`.\n\nReturn each user's first event per day.`,
    solution: `Use ROW_NUMBER() partitioned by user and ds. ${marker}`,
    hints: 'Think about window functions.\nWhat breaks ties?',
    probeE4: 'What if two events share a timestamp?',
    probeE4LookFor: 'A deterministic tie-breaker.',
    probeE5: '',
    probeE5LookFor: '',
    probeE6: 'How would you backfill a year of this?',
    probeE6LookFor: '',
    signalKeys: [],
    marker,
    ...overrides,
  };
}
