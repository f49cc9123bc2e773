// `tsx sandbox/cli.ts [--port 47100]`: runs the sandbox until SIGINT/SIGTERM.
import { DEFAULTS, startSandbox } from './index.js';

function parsePort(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i === -1) return DEFAULTS.port;
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port ${raw ?? ''}`);
    process.exit(2);
  }
  return port;
}

const sandbox = await startSandbox({ port: parsePort(process.argv.slice(2)) });
console.log(`Stringee sandbox listening
  SDK server (StringeeClient):  ${sandbox.wsUrl}
  HTTP:                         ${sandbox.httpUrl}
  demo page:                    ${sandbox.httpUrl}/demo
  SDK test client:              ${sandbox.httpUrl}/sdk-client.html
  token:                        ${sandbox.httpUrl}/token?userId=agent1`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping sandbox`);
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await sandbox.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
