// `pnpm bench web-calendar`: the month view with 2,000 posts in Chromium, time to interactive and
// the web app's JS size (gzip). The measurement lives in apps/web/e2e/calendar-bench.ts, beside the
// browser tests, so it resolves playwright-core and luxon from the web app's dependencies.
import { runCalendarBench } from '../apps/web/e2e/calendar-bench';

export default runCalendarBench;
