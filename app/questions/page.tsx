import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { QuestionBadges } from '@/components/questions/question-badges';
import { getDb } from '@/lib/db';
import { DIFFICULTY_LABELS } from '@/lib/questions/difficulty-labels';
import { type FindQuestionsFilter, findQuestions, QUESTIONS_PER_PAGE } from '@/lib/questions/find-questions';
import { DIFFICULTIES } from '@/lib/questions/question-vocabulary';
import { ROUND_KIND_LABELS, ROUND_KINDS } from '@/lib/rounds/round-kind';
import { SelectField } from '@/components/ui/select-field';
import { requireUser } from '../authenticated-action';

export const metadata: Metadata = { title: 'Question bank · mockloop' };

interface QuestionsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function QuestionsPage({ searchParams }: QuestionsPageProps) {
  const user = await requireUser('/questions');
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const result = await findQuestions(getDb(), user.id, {
    roundKind: first(params.roundKind),
    difficulty: first(params.difficulty),
    q: first(params.q),
    page: first(params.page),
  });
  const { filter, items, page, pageCount, total } = result;
  const isFiltered = Boolean(filter.roundKind || filter.difficulty || filter.q);
  const firstShown = (page - 1) * QUESTIONS_PER_PAGE + 1;

  return (
    <main className="page">
      <div className="page-heading">
        <div>
          <h1>Question bank</h1>
          <p className="lede">Built-in questions for every round of the loop, and the ones you and your peers wrote.</p>
        </div>
        <IntentLink href="/questions/new" className="button primary">
          New question
        </IntentLink>
      </div>

      {first(params.deleted) ? (
        <p className="notice" role="status">
          The question was deleted.
        </p>
      ) : null}

      <form className="filters" method="get" action="/questions" role="search">
        <div className="field grow">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder="Title or prompt" maxLength={200} />
        </div>
        <SelectField
          label="Round"
          name="roundKind"
          id="filter-round"
          placeholder="All rounds"
          defaultValue={filter.roundKind ?? ''}
          options={ROUND_KINDS.map((kind) => ({ value: kind, label: ROUND_KIND_LABELS[kind] }))}
        />
        <SelectField
          label="Difficulty"
          name="difficulty"
          id="filter-difficulty"
          placeholder="Any difficulty"
          defaultValue={filter.difficulty ?? ''}
          options={DIFFICULTIES.map((difficulty) => ({ value: difficulty, label: DIFFICULTY_LABELS[difficulty] }))}
        />
        <div className="filter-actions">
          <button type="submit" className="button">
            Filter
          </button>
          {isFiltered ? (
            <IntentLink href="/questions" className="button subtle">
              Clear
            </IntentLink>
          ) : null}
        </div>
      </form>

      {items.length === 0 ? (
        <p className="empty">
          {isFiltered ? 'No questions match these filters.' : 'No questions yet.'} <IntentLink href="/questions/new">Write one</IntentLink>.
        </p>
      ) : (
        <>
          <p className="result-count">
            {firstShown}–{firstShown + items.length - 1} of {total} question{total === 1 ? '' : 's'}
          </p>
          <ul className="question-list" aria-label="Questions">
            {items.map((question) => (
              <li key={question.id}>
                <IntentLink href={`/questions/${question.id}`} className="question-title">
                  {question.title}
                </IntentLink>
                <QuestionBadges question={question} />
              </li>
            ))}
          </ul>
        </>
      )}

      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? (
            <IntentLink href={pageHref(filter, page - 1)} rel="prev" className="button">
              Previous
            </IntentLink>
          ) : (
            <span />
          )}
          <span className="muted">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <IntentLink href={pageHref(filter, page + 1)} rel="next" className="button">
              Next
            </IntentLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </main>
  );
}

function pageHref(filter: FindQuestionsFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.q) query.set('q', filter.q);
  if (filter.roundKind) query.set('roundKind', filter.roundKind);
  if (filter.difficulty) query.set('difficulty', filter.difficulty);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `/questions?${search}` : '/questions';
}
