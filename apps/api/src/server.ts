// Production entry for the API alone (the publisher runs as its own processes).
import { start } from './start';

await start({ serveWeb: false });
