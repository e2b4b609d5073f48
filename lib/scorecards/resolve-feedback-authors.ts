interface RoundInterviewer {
  /** Null: every interviewer of the session runs the round. */
  interviewerId: string | null;
}

/**
 * Whose published scorecards a candidate may read for one round: the interviewers who ran it (its named
 * interviewer, or every interviewer of the session when it names none) and have published. A peer's release
 * covers only the rounds they ran.
 */
export function resolveFeedbackAuthors(round: RoundInterviewer, sessionInterviewerIds: readonly string[], publishedIds: ReadonlySet<string>): string[] {
  const ranIt = round.interviewerId ? [round.interviewerId] : sessionInterviewerIds;
  return ranIt.filter((id) => publishedIds.has(id));
}
