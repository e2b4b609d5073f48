import { DIFFICULTY_LABELS } from '@/lib/questions/difficulty-labels';
import type { QuestionListItem } from '@/lib/questions/question-views';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';

interface QuestionBadgesProps {
  question: Pick<QuestionListItem, 'roundKind' | 'difficulty' | 'isBuiltIn' | 'isMine'>;
}

export function QuestionBadges({ question }: QuestionBadgesProps) {
  return (
    <p className="badges">
      <span className="badge">{ROUND_KIND_LABELS[question.roundKind]}</span>
      <span className={`badge difficulty-${question.difficulty.toLowerCase()}`}>{DIFFICULTY_LABELS[question.difficulty]}</span>
      <span className={`badge source${question.isMine ? ' mine' : ''}`}>{sourceLabel(question)}</span>
    </p>
  );
}

function sourceLabel(question: Pick<QuestionListItem, 'isBuiltIn' | 'isMine'>): string {
  if (question.isBuiltIn) return 'Built-in';
  return question.isMine ? 'Yours' : 'Shared';
}
