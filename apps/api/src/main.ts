// `pnpm start`: web app + API on one port, publisher in-process, embedded database by default.
import { start } from './start';

await start({ serveWeb: true });
