// Child process for heap-budget.test.ts: allocates short-lived rows until V8 has grown its young
// generation (as sf's start-up does), optionally caps it with boundYoungGeneration, churns again
// and prints the semi-space size V8 kept: after the cap, and after the churn that would regrow it.
import { boundYoungGeneration, semiSpaceMb } from '../../../middleware/src/cli/heap-budget.js';

function churn(rounds: number): void {
  let window: Array<{ row: number; cells: string[] }> = [];
  for (let row = 0; row < rounds; row += 1) {
    window.push({ row, cells: [`cell ${row}`, `other ${row}`] });
    if (window.length > 50_000) window = [];
  }
}

churn(2_000_000);
const grown = semiSpaceMb();
const capMb = process.argv[2] === 'cap' ? Number(process.argv[3]) : undefined;
const capped = capMb === undefined ? grown : boundYoungGeneration(capMb);
const again = capMb === undefined ? undefined : boundYoungGeneration(capMb * 2);
churn(6_000_000);
console.log(JSON.stringify({ grown, capped, again, afterChurn: semiSpaceMb() }));
