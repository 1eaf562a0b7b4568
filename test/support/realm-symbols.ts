// jest runs tests in a vm context whose Symbol lacks `Symbol.dispose` on Node 22 (Node adds it to the
// main realm only), and undici (jsforce's HTTP client) indexes results with it. Borrow the main
// realm's symbol from a disposable node:events hands back, so jsforce's requests work under jest.
import { addAbortListener } from 'node:events';

if (typeof (Symbol as { dispose?: symbol }).dispose !== 'symbol') {
  const disposable = addAbortListener(
    new AbortController().signal,
    () => undefined,
  ) as unknown as Record<symbol, () => void>;
  const [dispose] = Object.getOwnPropertySymbols(disposable);
  if (dispose) {
    Object.defineProperty(Symbol, 'dispose', { value: dispose });
    disposable[dispose]!();
  }
}
