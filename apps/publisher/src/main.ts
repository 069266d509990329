// `pnpm start:publisher`: one publisher process against PostgreSQL. Run as many as you like.
import { runPublisherProcess } from './run-process';

await runPublisherProcess();
