import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBudget } from './event-budget';

describe('EventBudget', () => {
  afterEach(() => vi.useRealTimers());

  it('lets each key spend its points per window, and starts every key again at the next window', () => {
    vi.useFakeTimers();
    const budget = new EventBudget(2, 1000);
    expect([budget.trySpend('a'), budget.trySpend('a'), budget.trySpend('a')]).toEqual([true, true, false]);
    expect(budget.trySpend('b')).toBe(true);
    vi.advanceTimersByTime(1000);
    expect([budget.trySpend('a'), budget.trySpend('a'), budget.trySpend('a')]).toEqual([true, true, false]);
    budget.stop();
  });
});
