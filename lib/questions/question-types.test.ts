import { describe, expect, it } from 'vitest';

import { candidateQuestionSchema, type Question, questionSchema } from './question-types';

const modelingQuestion: Question = {
  slug: 'modeling-example',
  roundKind: 'DATA_MODELING',
  title: 'Example',
  difficulty: 'MEDIUM',
  candidateView: { prompt: 'Model orders.' },
  interviewerView: {
    solution: 'One row per order line.',
    hints: ['What is one row?'],
    probes: [
      { level: 'E4', prompt: 'Grain?', lookFor: 'States it.' },
      { level: 'E6', prompt: 'Late data?', lookFor: 'Merges.' },
    ],
    signalKeys: ['modeling.states-grain'],
    twists: [
      { key: 'late-data', title: 'Late data', prompt: 'Late rows arrive.', strongAnswer: 'MERGE into the right day.', probesSignalKey: 'modeling.plans-late-arriving-data' },
      { key: 'backfill', title: 'Backfill', prompt: 'Backfill 90 days.', strongAnswer: 'Atomic partition overwrite.', probesSignalKey: 'modeling.designs-physical-layout' },
    ],
  },
};

describe('question schema', () => {
  it('accepts a well-formed question', () => {
    expect(questionSchema.safeParse(modelingQuestion).success).toBe(true);
  });

  it('strips every interviewer-only field from the candidate projection', () => {
    const candidate = candidateQuestionSchema.parse(modelingQuestion);
    expect(candidate).not.toHaveProperty('interviewerView');
    expect(JSON.stringify(candidate)).not.toContain('One row per order line.');
    expect(candidate.candidateView.prompt).toBe('Model orders.');
  });

  it('requires at least two twists on a modeling question', () => {
    const oneTwist = {
      ...modelingQuestion,
      interviewerView: { ...modelingQuestion.interviewerView, twists: modelingQuestion.interviewerView.twists?.slice(0, 1) },
    };
    expect(questionSchema.safeParse(oneTwist).success).toBe(false);
  });

  it('requires a strong answer on every modeling twist, since the interviewer judges it live', () => {
    const [first, second] = modelingQuestion.interviewerView.twists!;
    const withoutAnswer = {
      ...modelingQuestion,
      interviewerView: { ...modelingQuestion.interviewerView, twists: [first, { ...second!, strongAnswer: undefined }] },
    };
    expect(questionSchema.safeParse(withoutAnswer).success).toBe(false);
  });

  it('rejects twists on a behavioral question', () => {
    const behavioral = {
      ...modelingQuestion,
      roundKind: 'BEHAVIORAL',
      interviewerView: { ...modelingQuestion.interviewerView, signalKeys: ['behavioral.owns-failures'] },
    };
    expect(questionSchema.safeParse(behavioral).success).toBe(false);
  });

  it('rejects a probe ladder that steps down a level', () => {
    const reversed = {
      ...modelingQuestion,
      interviewerView: { ...modelingQuestion.interviewerView, probes: [...modelingQuestion.interviewerView.probes].reverse() },
    };
    expect(questionSchema.safeParse(reversed).success).toBe(false);
  });

  it('rejects a question without probes or with an empty solution', () => {
    const noProbes = { ...modelingQuestion, interviewerView: { ...modelingQuestion.interviewerView, probes: [] } };
    const noSolution = { ...modelingQuestion, interviewerView: { ...modelingQuestion.interviewerView, solution: '' } };
    expect(questionSchema.safeParse(noProbes).success).toBe(false);
    expect(questionSchema.safeParse(noSolution).success).toBe(false);
  });
});
