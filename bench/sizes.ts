// How big each run is. `full` is the ward and the loads PRODUCT §6 names; `quick` is a smaller
// ward and fewer rounds for a check during development (under 3 minutes); `smoke` only exercises
// the code paths (test/bench/bench-smoke.test.ts).
export interface BenchSizes {
  name: "full" | "quick" | "smoke";
  /** Ordinary cells of the ward and members of each. */
  cells: number;
  membersPerCell: number;
  /** Members of the one large cell (/close_meeting and absence alerts run there). */
  bigCellMembers: number;
  /** Monthly meetings of history per cell, each closed with its register and RSVPs. */
  historyMonths: number;
  /** Alternating rounds (bot, baseline, bot, baseline…) of each throughput figure. */
  rounds: number;
  /** Updates per round of a throughput figure. */
  updatesPerRound: number;
  /** Updates in flight at once (the p99 figure is taken at this concurrency). */
  inFlight: number;
  /** Updates of each kind whose statements are counted one by one. */
  statementSamples: number;
  /** RSVP presses in one group, spread over `burstSpreadMs`, with Telegram's limits on. */
  burstPresses: number;
  burstSpreadMs: number;
  /** How long to wait for the burst's presses to be answered before giving up. */
  burstCapMs: number;
  /** Group posts and private reminders of the ward announcement (fan-out, limits on). */
  fanoutGroups: number;
  fanoutPrivates: number;
  /** Future outbox rows pending during the tick figure, and ticks timed. */
  tickRows: number;
  tickSamples: number;
  /** /close_meeting runs (each closes a fresh meeting of the large cell). */
  closeRounds: number;
  /** Start-ups timed of the service and of the baseline each. */
  startupRounds: number;
  /** Updates driven through the spawned service before its memory is read again. */
  memoryLoadUpdates: number;
  /** How long a spawned service is left alone before its idle memory is read. */
  memorySettleMs: number;
}

export const SIZES: Record<BenchSizes["name"], BenchSizes> = {
  full: {
    name: "full",
    cells: 50,
    membersPerCell: 30,
    bigCellMembers: 300,
    historyMonths: 36,
    rounds: 5,
    updatesPerRound: 1500,
    inFlight: 16,
    statementSamples: 30,
    burstPresses: 30,
    burstSpreadMs: 2_000,
    burstCapMs: 90_000,
    fanoutGroups: 50,
    fanoutPrivates: 1_500,
    tickRows: 100_000,
    tickSamples: 9,
    closeRounds: 3,
    startupRounds: 3,
    memoryLoadUpdates: 3_000,
    memorySettleMs: 3_000,
  },
  quick: {
    name: "quick",
    cells: 8,
    membersPerCell: 30,
    bigCellMembers: 300,
    historyMonths: 12,
    rounds: 3,
    updatesPerRound: 300,
    inFlight: 16,
    statementSamples: 10,
    burstPresses: 30,
    burstSpreadMs: 2_000,
    burstCapMs: 30_000,
    fanoutGroups: 8,
    fanoutPrivates: 240,
    tickRows: 10_000,
    tickSamples: 5,
    closeRounds: 1,
    startupRounds: 1,
    memoryLoadUpdates: 400,
    memorySettleMs: 2_000,
  },
  smoke: {
    name: "smoke",
    cells: 2,
    membersPerCell: 4,
    bigCellMembers: 6,
    historyMonths: 2,
    rounds: 1,
    updatesPerRound: 12,
    inFlight: 4,
    statementSamples: 2,
    burstPresses: 4,
    burstSpreadMs: 200,
    burstCapMs: 8_000,
    fanoutGroups: 2,
    fanoutPrivates: 6,
    tickRows: 50,
    tickSamples: 2,
    closeRounds: 1,
    startupRounds: 1,
    memoryLoadUpdates: 12,
    memorySettleMs: 300,
  },
};
