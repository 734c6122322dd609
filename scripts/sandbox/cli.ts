import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_SEED, type FaultRule, parseFaultSpec } from './faults.ts';
import { CONTROL_PREFIX } from './handlers.ts';
import { DEFAULT_API_KEY, DEFAULT_PORT, startSandbox } from './server.ts';

const HELP = `Usage: npm run sandbox -- [options]

Runs a local stand-in for the Thalamus partner API on 127.0.0.1, with sample pages to
capture contacts from.

Options:
  --port N       TCP port to listen on; 0 picks a free port (default ${DEFAULT_PORT})
  --key KEY      API key that requests must send as Authorization: Bearer KEY
                 (default ${DEFAULT_API_KEY})
  --data FILE    JSON file to load records from at start and to write after each change
                 (default: keep records in memory only)
  --fault SPEC   inject a fault into API requests; repeat the option for several rules,
                 of which the first that fires wins. SPEC starts with the kind:
                   status=CODE      JSON error with that HTTP status (e.g. 503, 429, 422)
                   delay=MS         wait MS milliseconds, then handle the request
                   html[=CODE]      HTML error page (default status 502)
                   not-json[=CODE]  truncated JSON body (default status 200)
                   success-false    status 200 with {"success":false}
                   drop             close the connection without a response
                 followed by comma-separated options:
                   count=N          fire for the next N requests only
                   rate=R           fire with probability R, from 0 to 1
                   retry-after=S    Retry-After header in seconds (status 429 sends 5)
                   resource=contact|organization   limit the rule to one endpoint
                 Examples: --fault status=503,count=2  --fault delay=20000,rate=0.3
  --seed N       seed for rate-based faults, so that runs repeat (default ${DEFAULT_SEED})
  --help         show this help
`;

interface CliOptions {
  port: number;
  apiKey: string;
  dataFile: string | undefined;
  faults: FaultRule[];
  seed: number;
}

await main();

async function main(): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nRun with --help for the options.`);
    process.exitCode = 2;
    return;
  }
  if (options === undefined) {
    process.stdout.write(HELP);
    return;
  }

  let sandbox;
  try {
    sandbox = await startSandbox({
      port: options.port,
      apiKey: options.apiKey,
      dataFile: options.dataFile,
      log: (line) => console.log(`${new Date().toISOString()} ${line}`),
    });
  } catch (error) {
    console.error(describeStartError(error, options.port));
    process.exitCode = 1;
    return;
  }
  if (options.faults.length > 0) {
    sandbox.setFaults({ faults: options.faults, seed: options.seed });
  }

  printBanner(sandbox.url, sandbox.apiBaseUrl, sandbox.apiKey, options);

  const stop = (signal: NodeJS.Signals) => {
    console.log(`Received ${signal}, stopping the sandbox.`);
    sandbox.close().then(
      () => console.log('Sandbox stopped.'),
      (error: unknown) => {
        console.error(`Failed to stop the sandbox cleanly: ${String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Parses the command line, or returns undefined when help was requested. */
function parseOptions(args: string[]): CliOptions | undefined {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      key: { type: 'string' },
      data: { type: 'string' },
      fault: { type: 'string', multiple: true },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    return undefined;
  }

  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`Invalid --port "${values.port ?? ''}": use a whole number from 0 to 65535.`);
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) {
    throw new Error(`Invalid --seed "${values.seed ?? ''}": use a whole number.`);
  }

  return {
    port,
    apiKey: values.key ?? DEFAULT_API_KEY,
    dataFile: values.data === undefined ? undefined : resolve(values.data),
    faults: (values.fault ?? []).map(parseFaultSpec),
    seed,
  };
}

function printBanner(url: string, apiBaseUrl: string, apiKey: string, options: CliOptions): void {
  const lines = [
    `Thalamus sandbox listening on ${url}`,
    '',
    `  API base URL  ${apiBaseUrl}`,
    `  API key       ${apiKey}`,
    `  Records       ${options.dataFile === undefined ? 'in memory only' : options.dataFile}`,
    '',
    'Sample pages:',
    `  ${url}/samples/gmail.html`,
    `  ${url}/samples/outlook.html`,
    `  ${url}/samples/linkedin.html`,
    `  ${url}/samples/company.html`,
    '',
    'Controls (no key needed, loopback only):',
    `  GET    ${url}${CONTROL_PREFIX}/records    stored contacts and organizations`,
    `  GET    ${url}${CONTROL_PREFIX}/requests   API requests received`,
    `  POST   ${url}${CONTROL_PREFIX}/reset      clear records, request log and faults`,
    `  GET    ${url}${CONTROL_PREFIX}/faults     active faults`,
    `  POST   ${url}${CONTROL_PREFIX}/faults     set faults, e.g. {"faults":[{"kind":"status","status":503,"count":1}]}`,
    `  DELETE ${url}${CONTROL_PREFIX}/faults     clear faults`,
  ];
  if (options.faults.length > 0) {
    lines.push('', `Faults (seed ${options.seed}):`, ...options.faults.map((rule) => `  ${JSON.stringify(rule)}`));
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));
}

function describeStartError(error: unknown, port: number): string {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    return `Failed to start the sandbox: port ${port} on 127.0.0.1 is in use. Stop the other process or pass --port.`;
  }
  return `Failed to start the sandbox: ${error instanceof Error ? error.message : String(error)}`;
}
