import type { RoundKind } from '../rounds/round-kind';
import type { Difficulty, QuestionTheme } from './question-vocabulary';

// Which questions a new session asks (issue 25, fair picking). Pure: the caller loads the pool and the uses.

export interface PickableQuestion {
  id: string;
  roundKind: RoundKind;
  difficulty: Difficulty;
  theme: QuestionTheme | null;
  /** The same for every version of one question (a built-in's slug), so a new version is not a new question. */
  identity: string;
}

export interface RoundToFill {
  kind: RoundKind;
  count: number;
}

export interface PickOptions {
  /** How often the people being interviewed have met each question identity before. */
  uses: ReadonlyMap<string, number>;
  /** Identities the session already asks elsewhere (hand-picked rounds): never asked twice in one session. */
  taken?: Iterable<string>;
  /** Breaks ties; injected so tests are deterministic. */
  random?: () => number;
}

const DIFFICULTY_ORDER: Record<Difficulty, number> = { EASY: 0, MEDIUM: 1, HARD: 2 };

/**
 * Fills each round, one question at a time, with the best remaining question of its kind by, in order:
 * 1. balance: a theme the round does not have yet (product sense asks one root-cause and one framework question);
 * 2. fewest uses by the people being interviewed, so practising again brings new questions before any repeat;
 * 3. variety: a difficulty the round has fewest of;
 * 4. chance, so equals are not always met in the same (alphabetical) order.
 * No question is asked twice in a session. Each round's questions come easiest first, as a warm-up.
 */
export function pickQuestions(rounds: readonly RoundToFill[], pool: readonly PickableQuestion[], options: PickOptions): string[][] {
  const random = options.random ?? Math.random;
  const taken = new Set(options.taken ?? []);
  return rounds.map((round) => {
    const chosen: PickableQuestion[] = [];
    for (let slot = 0; slot < round.count; slot += 1) {
      const scored = pool
        .filter((question) => question.roundKind === round.kind && !taken.has(question.identity))
        .map((question) => ({
          question,
          key: [
            question.theme === null ? 0 : chosen.filter((other) => other.theme === question.theme).length,
            options.uses.get(question.identity) ?? 0,
            chosen.filter((other) => other.difficulty === question.difficulty).length,
            random(),
          ],
        }));
      const best = scored.reduce<(typeof scored)[number] | null>((winner, entry) => (winner === null || isBefore(entry.key, winner.key) ? entry : winner), null);
      if (!best) break;
      chosen.push(best.question);
      taken.add(best.question.identity);
    }
    return chosen.sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty]).map((question) => question.id);
  });
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
}
