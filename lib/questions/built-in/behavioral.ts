import type { Question } from '../question-types';

export const BEHAVIORAL_QUESTIONS: Question[] = [
  {
    slug: 'behavioral-complex-pipeline-retrospective',
    roundKind: 'BEHAVIORAL',
    title: 'A complex data system you led',
    difficulty: 'HARD',
    candidateView: {
      prompt: 'Walk me through the most complex data pipeline or platform you led. I will ask about the decisions you made along the way.',
    },
    interviewerView: {
      solution: `**Expected structure: SPSIL** (Situation, Problem, Solution, Impact, Lessons), about 2.5-3 minutes before probing.

- **Situation (~15 s):** business context and scale in numbers (events/s, $ the data drives, consumers).
- **Problem (~20 s):** the precise root cause, not the symptom ("billing numbers landed a day late, so advertisers paused campaigns blind", not "the pipeline was slow").
- **Solution (60-90 s):** the decision **and the alternatives rejected**, ideally three, each with the data that ruled it out (a prototype result, a throughput ceiling, an operational cost). What the candidate personally owned vs delegated.
- **Impact (~20 s):** quantified with a baseline: latency, cost, incidents, tickets, revenue, teams adopting.
- **Lessons (~15 s):** what they would do differently; shows they learned something specific.

**Illustrative strong outline (not a script):** "Moved fraud-signal features from a nightly batch to streaming for a payments risk team: 300k events/s, decisions on $2B/yr of transactions. Problem: features were up to 26 h stale, so new fraud patterns ran a full day before models saw them. Options: hourly batch (still 60+ min stale; cheap), Lambda (fresh, but two feature codepaths and train/serve skew we measured at 4% in a prototype), a single streaming path with backfill from the lake using the same code (chosen). I wrote the design, aligned risk, infra and ML platform, and owned the point-in-time correctness of backfilled features. Fraud losses -18% in the first quarter; feature freshness 26 h to 2 min. Lesson: we under-invested in feature-level data-quality alerts; one silent null-rate spike cost us a week."

**Architectural defence probes** (use them): the three alternatives; the data behind the choice; what broke in production that the design did not anticipate; what they would change starting today.`,
      hints: [
        'Start with the scale and the problem in one or two sentences.',
        'What else did you consider, and what evidence ruled it out?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'What alternatives did you consider for the central design choice?',
          lookFor: 'At least two real alternatives with specific reasons, not "it was the standard choice".',
        },
        {
          level: 'E5',
          prompt: 'What broke in production that your design did not anticipate?',
          lookFor: 'A concrete failure mode (skew, late data, schema change, backfill cost), how it was detected, and the fix.',
        },
        {
          level: 'E6',
          prompt: 'If you started again tomorrow with the same constraints, what would you change, and what would it have cost you to do it then?',
          lookFor: 'A specific change with its trade-off (for example schema contracts with producers before the build, at the cost of a month), showing judgement about sequencing and organisational work, not just technology.',
        },
      ],
      signalKeys: [
        'behavioral.confirms-competency',
        'behavioral.frames-problem-before-solution',
        'behavioral.names-rejected-alternatives',
        'behavioral.quantifies-impact',
        'behavioral.uses-first-person-scope',
        'behavioral.owns-failures',
      ],
    },
  },
  {
    slug: 'behavioral-influence-without-authority',
    roundKind: 'BEHAVIORAL',
    title: 'Influencing a decision without authority',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: 'Tell me about a time you changed a major technical decision made by people who did not report to you.',
    },
    interviewerView: {
      solution: `**What a strong answer contains**
- A decision that mattered beyond the candidate's team (a shared schema, a platform choice, a data standard), and people with their own priorities.
- **How** influence worked: a written proposal or design doc, data showing the cost of the status quo to *them*, a prototype, making adoption cheap (migration tooling, doing the first migration themselves), finding the decision-maker and the skeptics early.
- The outcome in numbers (teams adopted, incidents avoided, time saved) and what happened to the relationships.
- Staff-level signals: a design doc that became a standard across several teams; a cross-team forum (for example a data-quality council) they started; a partner team persuaded to change their schema through a business case.

**Weak patterns:** escalating to a manager who decided; persuading only their own team; "I convinced them" with no mechanism.`,
      hints: ['Who had the authority to make the decision, and what did they care about?'],
      probes: [
        {
          level: 'E4',
          prompt: 'Who pushed back, and what was their argument?',
          lookFor: 'Represents the other side fairly and specifically.',
        },
        {
          level: 'E5',
          prompt: 'What did you change in your own proposal because of that pushback?',
          lookFor: 'A real concession or redesign that made the proposal better and easier to adopt.',
        },
        {
          level: 'E6',
          prompt: 'How do you know the standard is still being followed a year later?',
          lookFor: 'Mechanisms over persuasion: linting/CI checks, ownership, a review forum, adoption metrics.',
        },
      ],
      signalKeys: [
        'behavioral.confirms-competency',
        'behavioral.influences-without-authority',
        'behavioral.quantifies-impact',
        'behavioral.uses-first-person-scope',
      ],
    },
  },
  {
    slug: 'behavioral-mentorship-outcome',
    roundKind: 'BEHAVIORAL',
    title: 'Growing another engineer',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: 'Tell me about an engineer you helped grow. What did you do, and how do you know it worked?',
    },
    interviewerView: {
      solution: `**What a strong answer contains**
- A specific person and gap (for example "strong coder, avoided ambiguous problems and design reviews").
- A deliberate plan: stretch scope chosen for them, graduated ownership (shadow, then lead with backup, then own), regular feedback, sponsorship (putting their name on the work in front of leadership).
- A measurable outcome: promotion, owning a tier-1 pipeline or on-call rotation, leading a design review, fewer review rounds on their designs.
- Leverage beyond one person: the approach turned into onboarding material, a review checklist or a mentoring programme others use.

**Weak patterns:** answering questions when asked; "they got promoted" with no account of the candidate's contribution; taking credit for the mentee's work.`,
      hints: ['What could they do at the end that they could not do at the start?'],
      probes: [
        {
          level: 'E4',
          prompt: 'What was the hardest feedback you gave them?',
          lookFor: 'Specific, timely, behaviour-focused feedback and how it landed.',
        },
        {
          level: 'E5',
          prompt: 'What did you let them get wrong, and why?',
          lookFor: 'Deliberate room to learn with the risk bounded (a reversible decision, a safety net).',
        },
        {
          level: 'E6',
          prompt: 'How did that experience change how your organisation grows engineers?',
          lookFor: 'Scaled the approach: a programme, a guide, changed promotion or on-call practices.',
        },
      ],
      signalKeys: [
        'behavioral.confirms-competency',
        'behavioral.multiplies-others',
        'behavioral.quantifies-impact',
        'behavioral.owns-failures',
      ],
    },
  },
  {
    slug: 'behavioral-pushback-with-data',
    roundKind: 'BEHAVIORAL',
    title: 'Pushing back on a PM or leader with data',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: 'Tell me about a time you disagreed with a product manager or a leader about a data or technical decision. What did you do, and what happened?',
    },
    interviewerView: {
      solution: `**Expected pattern: de-risk and commit**
1. **Quantify the risk** of the disputed approach in business terms ($, latency, error rate, users affected), not as a matter of taste.
2. **Offer a middle path** that lets the business move now while containing the risk (a launch behind a flag, an approximate metric clearly labelled, a phased rollout, a guardrail).
3. **Commit to a date and deliver** on the part they own: credibility comes from execution.

**Strong answer:** e.g. a PM wanted to launch a revenue dashboard on a metric with a known 2% overcount; the candidate sized it in dollars, proposed launching with a caveat and a fixed date for the corrected metric, and shipped the fix before the date. They describe the PM's constraints fairly and the relationship after.

**Weak patterns:** won by escalation; gave in without recording the risk; "agreed to disagree" with no outcome; was right but the project slipped for months.`,
      hints: ['How did you put the risk in terms the other person cared about?'],
      probes: [
        {
          level: 'E4',
          prompt: 'What did the PM care about most, and did your proposal address it?',
          lookFor: 'Understands the other side\'s goals and deadline.',
        },
        {
          level: 'E5',
          prompt: 'What would you have done if they had still said no?',
          lookFor: 'Disagree and commit with the risk documented and a trigger to revisit; escalation only with the other person\'s knowledge.',
        },
        {
          level: 'E6',
          prompt: 'Tell me about a time you pushed back and were wrong.',
          lookFor: 'Owns it specifically, says what signal they misread, and what they changed in how they evaluate such decisions.',
        },
      ],
      signalKeys: [
        'behavioral.confirms-competency',
        'behavioral.de-risks-and-commits',
        'behavioral.quantifies-impact',
        'behavioral.frames-problem-before-solution',
        'behavioral.owns-failures',
      ],
    },
  },
  {
    slug: 'behavioral-post-mortem-three-changes',
    roundKind: 'BEHAVIORAL',
    title: 'A post-mortem: three things you would change',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: 'Tell me about a data incident or project failure you were responsible for. Walk me through the post-mortem.',
    },
    interviewerView: {
      solution: `**What a strong answer contains**
- An incident with real impact, stated plainly (wrong numbers shipped to finance, an SLA missed for a week, a backfill that double-counted).
- Timeline in brief: how it was detected (and how it *should* have been detected), mitigation, communication to consumers.
- Root cause beyond the trigger (for example: no idempotency on re-runs, no data-quality check on row counts, an unowned upstream contract).
- **Three concrete changes**, each a mechanism rather than "be more careful": e.g. idempotent partition overwrites, anomaly checks blocking publication, a schema contract with the producer team, a runbook and on-call ownership.
- The candidate's own share of the cause, without self-flagellation or blame.

**Weak patterns:** the failure was someone else's; lessons like "communicate better"; no follow-through on action items.`,
      hints: ['How was it detected, and how should it have been detected?'],
      probes: [
        {
          level: 'E4',
          prompt: 'How did you communicate the impact to the people using the data?',
          lookFor: 'Told consumers promptly with scope and a corrected timeline; restated numbers clearly.',
        },
        {
          level: 'E5',
          prompt: 'Which of the action items actually got done, and how do you know they worked?',
          lookFor: 'Follow-through and evidence (the check fired later and caught something).',
        },
        {
          level: 'E6',
          prompt: 'How did this change practices beyond your own team?',
          lookFor: 'Drove an org-level change: a shared checklist, platform-level safeguards, a review process.',
        },
      ],
      signalKeys: [
        'behavioral.confirms-competency',
        'behavioral.owns-failures',
        'behavioral.frames-problem-before-solution',
        'behavioral.uses-first-person-scope',
      ],
    },
  },
  {
    slug: 'behavioral-cross-team-alignment',
    roundKind: 'BEHAVIORAL',
    title: 'Aligning several teams on a shared standard',
    difficulty: 'HARD',
    candidateView: {
      prompt: 'Tell me about a time you got more than three teams to agree on a shared technical standard or platform.',
    },
    interviewerView: {
      solution: `**What a strong answer contains**
- Why a shared standard was needed, in numbers (duplicated pipelines, conflicting metric definitions, incidents caused by incompatible schemas).
- How they got agreement: mapped stakeholders and their incentives, wrote an RFC, ran a working group or review forum, piloted with one willing team, made migration cheap (tools, templates, doing the first ones), secured a sponsor for tie-breaks.
- The hard part: a team that would not move, and how that was resolved (a concession, an exception with a sunset date, leadership alignment).
- Outcome: adoption count and time, what the standard prevented, who owns it now.

**Weak patterns:** a mandate from leadership doing the work; "everyone agreed" with no conflict; no ownership after the candidate moved on.`,
      hints: ['Which team was hardest to bring along, and why?'],
      probes: [
        {
          level: 'E4',
          prompt: 'How did you decide what went into the standard and what did not?',
          lookFor: 'A scoping principle (minimum that solves the shared pain) and input from the teams.',
        },
        {
          level: 'E5',
          prompt: 'One team refused to migrate. What happened?',
          lookFor: 'Understood their reason, negotiated an exception or timeline, or made migration cheaper; escalation as a last resort with data.',
        },
        {
          level: 'E6',
          prompt: 'What would have happened if you had left the company six months in?',
          lookFor: 'Designed for durability: an owning team, documentation, automated enforcement, a governance forum that runs without them.',
        },
      ],
      signalKeys: [
        'behavioral.confirms-competency',
        'behavioral.influences-without-authority',
        'behavioral.quantifies-impact',
        'behavioral.de-risks-and-commits',
        'behavioral.multiplies-others',
      ],
    },
  },
];
