// PostgreSQL may abort one of two transactions that wait on each other (deadlock, 40P01) or that
// conflict under serialisation (40001). The transaction is all-or-nothing, so running it again is
// safe; losing it would leave targets in `sending` until their lease runs out.
const RETRYABLE = new Set(['40P01', '40001']);

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, i = 0; i < 4 && typeof e === 'object' && e !== null; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      const code = sqlState(error);
      if (i >= attempts || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * i + Math.random() * 20));
    }
  }
}
