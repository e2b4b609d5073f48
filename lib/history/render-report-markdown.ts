import { describeErProblem } from '@/lib/er-diagram/er-model';
import { readErModel } from '@/lib/er-diagram/read-er-model';
import { renderMermaidEr } from '@/lib/er-diagram/render-mermaid-er';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { RECOMMENDATION_LABELS, STAFF_BAR_CALL_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import { summarizeSqlCheck } from '@/lib/sql-check/describe-sql-check';
import { formatElapsed } from '@/lib/timer/round-clock';
import type { ReportRound, SessionReport } from './session-report';

// The session report as a Markdown file: everything the viewer may see, nothing more (it is rendered from
// the same SessionReport the page shows, built for that viewer).

/** A fence longer than any backtick run in the text, so a document containing ``` cannot break out of it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

/** Table cells hold one line, with pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A modeling round's final CREATE TABLE statements as a Mermaid ER diagram (nothing when it wrote none). */
function renderErDiagram(finalText: string): string[] {
  const model = readErModel(finalText);
  if (model.tables.length === 0) return [];
  const lines = ['### ER diagram', '', '```mermaid', renderMermaidEr(model), '```', ''];
  if (model.problems.length > 0) lines.push(...model.problems.map((problem) => `- ${describeErProblem(problem)}`), '');
  return lines;
}

function renderRound(round: ReportRound): string[] {
  const lines = [`## Round ${round.position + 1}: ${ROUND_KIND_LABELS[round.kind]}`, ''];
  lines.push(`- Duration: ${formatElapsed(round.elapsedMs)} of ${formatElapsed(round.durationMs)}${round.overtimeMs > 0 ? ` (${formatElapsed(round.overtimeMs)} over)` : ''}`);
  lines.push(`- Questions asked: ${round.questionsAsked}`, '');
  if (round.questions.length > 0) {
    lines.push('| # | Question | Shown at | Time spent |', '|---|---|---|---|');
    round.questions.forEach((question, index) => {
      lines.push(
        `| ${index + 1} | ${cell(question.title)} | ${question.revealedAtElapsedMs === null ? '—' : formatElapsed(question.revealedAtElapsedMs)} | ${question.spentMs === null ? '—' : formatElapsed(question.spentMs)} |`,
      );
    });
    lines.push('');
  }
  lines.push('### Final document', '', fenced(round.finalText), '');
  if (round.kind === 'DATA_MODELING') lines.push(...renderErDiagram(round.finalText));
  if (round.board) {
    // Embedded as a data URI, so the file stands alone (the JSON export carries the scene itself).
    const image = `data:image/svg+xml;base64,${Buffer.from(round.board.svg, 'utf8').toString('base64')}`;
    lines.push('### Final board', '', `![Round ${round.position + 1} board](${image})`, '');
  }
  if (round.sqlChecks && round.sqlChecks.length > 0) {
    lines.push('### SQL check', '');
    for (const check of round.sqlChecks) {
      const summary = !check.isCheckable ? 'no test data for this question' : check.run ? summarizeSqlCheck(check.run.result) : 'not run';
      lines.push(`- Q${check.questionNumber}: ${summary.replace(/\s*\n\s*/g, ' ')}`);
    }
    lines.push('');
  }
  if (round.privateNotes !== undefined) lines.push('### Your private notes', '', fenced(round.privateNotes), '');
  const timeline = [
    ...round.marks.map((mark) => ({ ms: mark.elapsedMs, text: `${mark.label}: ${mark.verdict} (${mark.interviewerName})` })),
    ...round.twists.map((twist) => ({
      ms: twist.firedAtElapsedMs,
      text: `Twist fired: ${twist.title}${twist.probesSignalLabel ? ` (probes ${twist.probesSignalLabel})` : ''}`,
    })),
  ].sort((a, b) => a.ms - b.ms);
  if (timeline.length > 0) {
    lines.push('### Timeline', '');
    for (const entry of timeline) lines.push(`- ${formatElapsed(entry.ms)} ${entry.text}`);
    lines.push('');
  }
  if (round.twists.length > 0) {
    lines.push('### Twists', '');
    for (const twist of round.twists) lines.push(`- **${twist.title}** (at ${formatElapsed(twist.firedAtElapsedMs)}): ${twist.prompt.replace(/\s*\n\s*/g, ' ')}`);
    lines.push('');
  }
  for (const scorecard of round.scorecards) {
    lines.push(`### Scorecard from ${scorecard.interviewerName}`, '');
    lines.push(`- Recommendation: ${scorecard.recommendation ? RECOMMENDATION_LABELS[scorecard.recommendation] : '—'}`);
    lines.push(`- Level estimate: ${scorecard.levelEstimate ?? '—'}`);
    if (round.kind === 'SQL') lines.push(`- Problems solved: ${scorecard.problemsSolved === null ? '—' : `${scorecard.problemsSolved} of ${round.questionsAsked}`}`);
    if (scorecard.strengths) lines.push(`- Strengths: ${scorecard.strengths.replace(/\n+/g, ' ')}`);
    if (scorecard.growthAreas) lines.push(`- Growth areas: ${scorecard.growthAreas.replace(/\n+/g, ' ')}`);
    lines.push('', '| Signal | Verdict | Rating | Note |', '|---|---|---|---|');
    for (const signal of scorecard.signals) {
      const note = signal.note ? `${round.viewerRole === 'INTERVIEWER' ? (signal.isNoteShared ? '(shared) ' : '(private) ') : ''}${signal.note}` : '';
      lines.push(`| ${cell(signal.label)} | ${signal.verdict} | ${signal.rating ?? '—'} | ${cell(note)} |`);
    }
    lines.push('');
  }
  return lines;
}

export function renderReportMarkdown(report: SessionReport): string {
  const lines = [`# ${report.title}`, ''];
  lines.push(`- Status: ${report.status.toLowerCase()}`);
  if (report.startedAt) lines.push(`- Started: ${report.startedAt}`);
  if (report.endedAt) lines.push(`- Ended: ${report.endedAt}`);
  lines.push(`- Participants: ${report.participants.map((person) => `${person.name} (${person.role.toLowerCase()})`).join(', ')}`);
  if (report.feedback === 'NONE') lines.push('- Feedback: not published yet');
  lines.push('');
  for (const call of report.loopCalls) {
    lines.push(`**Overall, ${call.interviewerName}:** ${call.staffBarCall ? STAFF_BAR_CALL_LABELS[call.staffBarCall] : 'no call'}`, '');
    if (call.rationale) lines.push(call.rationale, '');
  }
  for (const round of report.rounds) lines.push(...renderRound(round));
  if (report.privateNotes !== undefined) lines.push('## Private interviewer notes', '', fenced(report.privateNotes), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
