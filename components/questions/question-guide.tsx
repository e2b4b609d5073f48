import type { QuestionGuideView } from '@/lib/questions/question-views';
import { GuideContents } from './guide-contents';

/** Interviewer-only material. Render it only with a guide the service returned, i.e. one the viewer may see. */
export function QuestionGuide({ guide }: { guide: QuestionGuideView }) {
  return (
    <section aria-labelledby="guide-heading" className="card guide" data-testid="question-guide">
      <h2 id="guide-heading">Interviewer guide</h2>
      <p className="field-hint">Only visible to the author and to interviewers of sessions that use this question.</p>

      <GuideContents guide={guide} />
    </section>
  );
}
