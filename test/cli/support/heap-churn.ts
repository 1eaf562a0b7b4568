// Child process for heap-budget.test.ts: holds ~40 MB alive, then allocates short-lived garbage
// that survives a young collection or two (as a streamed read's rows do), and prints the largest
// heap V8 kept meanwhile. With "bound" as argument, boundHeapGrowth runs first; with "read",
// boundReadHeap (growth and young generation), and the young generation's size is printed too.
import { getHeapStatistics } from 'node:v8';
import {
  boundHeapGrowth,
  boundReadHeap,
  semiSpaceMb,
} from '../../../middleware/src/cli/heap-budget.js';

const kept: string[][] = [];
for (let i = 0; i < 2000; i += 1)
  kept.push(Array.from({ length: 200 }, (_, j) => `kept ${i} ${j} `.repeat(3)));
if (process.argv[2] === 'bound') boundHeapGrowth(Number(process.argv[3]));
if (process.argv[2] === 'read') boundReadHeap(Number(process.argv[3]), Number(process.argv[4]));
let peak = 0;
let window: string[][] = [];
for (let round = 0; round < 8000; round += 1) {
  window.push(Array.from({ length: 200 }, (_, j) => `row ${round} ${j} `.repeat(4)));
  if (window.length > 1500) window = window.slice(750);
  if (round % 50 === 0) peak = Math.max(peak, getHeapStatistics().total_heap_size);
}
console.log(JSON.stringify({ peakMb: peak / 1e6, semiSpaceMb: semiSpaceMb(), kept: kept.length }));
