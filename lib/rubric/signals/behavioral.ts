import type { Signal } from '../signal-types';

export const BEHAVIORAL_SIGNALS: Signal[] = [
  {
    key: 'behavioral.confirms-competency',
    roundKind: 'BEHAVIORAL',
    label: 'Confirms the competency being tested',
    lookFor:
      'Restates what the question is probing (influence without authority, conflict, mentorship, ownership of a failure) and picks the story that shows it, before telling it.',
    anchors: {
      E4: 'Starts with the first story that comes to mind, which shows execution rather than the competency asked about.',
      E5: 'Picks a relevant story without checking what the interviewer wants from it.',
      E6: '"You\'re asking about influencing a team I had no authority over. My best example is the schema contract I got four producer teams to adopt; does that fit?"',
    },
    rule: { kind: 'TIMED', withinSeconds: 120 },
  },
  {
    key: 'behavioral.frames-problem-before-solution',
    roundKind: 'BEHAVIORAL',
    label: 'Frames the problem precisely before the solution',
    lookFor:
      'Brief situation with scale, then the precise technical or organisational root cause, then the solution: the problem is clear enough that the alternatives make sense.',
    anchors: {
      E4: 'Three minutes of background; the problem is never stated.',
      E5: 'States the problem, but as a symptom ("the pipeline was slow").',
      E6: '"Billing figures landed 18-24 hours late, so advertisers paused campaigns blind; that was 15% of support tickets" in two sentences, then the options.',
    },
    rule: { kind: 'ORDERED', before: 'behavioral.names-rejected-alternatives', whenPairAbsent: 'MET' },
  },
  {
    key: 'behavioral.names-rejected-alternatives',
    roundKind: 'BEHAVIORAL',
    label: 'Names the alternatives rejected and why',
    lookFor:
      'For the key decision: the options considered (ideally three), the data used to choose, and the specific trade-off that rejected each.',
    anchors: {
      E4: '"We chose Kafka because it\'s scalable."',
      E5: 'Names one alternative and a generic reason it lost.',
      E6: 'Three options with numbers: "hourly batch still 60 minutes and would not scale past 5x; Lambda prototype showed merge-layer correctness bugs; chose Kappa with an idempotent MERGE."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'behavioral.quantifies-impact',
    roundKind: 'BEHAVIORAL',
    label: 'Quantifies impact',
    lookFor:
      'Business and engineering outcomes in numbers (latency, cost, tickets, revenue, adoption by teams), with a baseline, and honest attribution.',
    anchors: {
      E4: '"It went really well and the team was happy."',
      E5: 'One number without a baseline ("latency is now 4 minutes").',
      E6: '"18 hours to 4 minutes; spend-visibility tickets down 60%; handles 4x the volume on the same hardware."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'behavioral.uses-first-person-scope',
    roundKind: 'BEHAVIORAL',
    label: 'Makes their own scope clear',
    lookFor:
      'Separates what they personally did (wrote the design doc, owned the idempotency guarantee) from what the team did, at Staff scope: direction, cross-team decisions, unblocking others.',
    anchors: {
      E4: '"We" throughout; their own part is unclear.',
      E5: 'Clear about their own part, which is mostly hands-on implementation.',
      E6: '"I wrote the design doc, got sign-off from three teams, staffed a two-engineer sub-team and personally owned the idempotency guarantee."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'behavioral.influences-without-authority',
    roundKind: 'BEHAVIORAL',
    label: 'Influences without authority',
    lookFor:
      'Changes other teams\' decisions through a written proposal, data and a business case: a design doc adopted as a standard, a council they started, a partner team persuaded to change a schema.',
    anchors: {
      E4: 'Escalated to their manager, who made the call.',
      E5: 'Persuaded their own team with a good argument.',
      E6: 'Got several teams they had no authority over to adopt a standard, by quantifying what the status quo cost each of them and making adoption cheap.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'behavioral.de-risks-and-commits',
    roundKind: 'BEHAVIORAL',
    label: 'Resolves conflict by de-risking and committing',
    lookFor:
      'In disagreement: quantifies the risk in business terms, proposes a middle path that unblocks the business while limiting the risk, commits to a date and delivers.',
    anchors: {
      E4: 'Either gave in or "agreed to disagree".',
      E5: 'Won the argument with data; the relationship or timeline suffered.',
      E6: '"A 2% error in the billing metric was ~$3M/quarter; we launched on the approximate metric behind a banner and I committed to the exact one in six weeks, and shipped it in five."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'behavioral.owns-failures',
    roundKind: 'BEHAVIORAL',
    label: 'Owns failures and draws lessons',
    lookFor:
      'Names what broke that the design did not anticipate, their own part in it, and concrete changes (three for a post-mortem) they made or would make.',
    anchors: {
      E4: 'The failure was another team\'s fault.',
      E5: 'Admits a mistake; the lesson is generic ("communicate more").',
      E6: '"I underestimated schema governance across 12 producers; next time a schema contract with compatibility checks at the producer comes before the build."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'behavioral.multiplies-others',
    roundKind: 'BEHAVIORAL',
    label: 'Multiplies the people around them',
    lookFor:
      'Mentorship and leverage with a measurable outcome: someone promoted or owning a system, a practice others adopted, review load or incidents reduced across teams.',
    anchors: {
      E4: 'Answered a junior engineer\'s questions when asked.',
      E5: 'Mentored one engineer through a project.',
      E6: 'Grew an engineer to own the on-call for a tier-1 pipeline within two quarters, and turned the approach into a guide the org now uses.',
    },
    rule: { kind: 'PRESENCE' },
  },
];
