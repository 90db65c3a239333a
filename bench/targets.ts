import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src';
import { endpoints, type Endpoint } from './endpoints';
import { keepAliveLoad, type LoadFigures } from './keep-alive-load';
import { benchQuestions } from './questions';
import { load, probe, startTarget, type Target, type TargetKind } from './server-bench';
import { percentile } from './stats';

const root = resolve(__dirname, '..');
const START_UP_RUNS = 15;
const SECONDS = 5;

/** Milliseconds a command takes, start to exit. */
function timed(command: string, args: string[]): number {
  const started = performance.now();
  spawnSync(command, args, { cwd: root, stdio: 'ignore' });
  return performance.now() - started;
}

/** One CLI question, start-up included, beside `node -e 1`, runs interleaved so both see the same load. */
function startUp(): string {
  const question = 'what ports does the Edge Server need in occasional BOI?';
  const cli = ['adapters/cli/launch.js', 'ask', question];
  timed('node', cli); // builds the bundle and the knowledge snapshot if a source is newer
  const node: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < START_UP_RUNS; i++) {
    node.push(timed('node', ['-e', '1']));
    ours.push(timed('node', cli));
  }
  const [base, mine] = [percentile(node, 50), percentile(ours, 50)];
  return `CLI, one question start-up included (node adapters/cli/launch.js ask, median of ${START_UP_RUNS}): ${mine.toFixed(0)} ms, ${(mine / base).toFixed(2)}x node -e 1 (${base.toFixed(0)} ms); target at most 2x`;
}

/** Every request its own question: a ticket id before the mix (ids change no rule), so no two are alike. */
const distinct = (questions: string[]) => (index: number) => `INC${String(1_000_000 + index)}: ${questions[index % questions.length]}`;

interface Run extends LoadFigures {
  /** The CPU time of the server's main thread (the event loop, user and system) per request answered. */
  cpuMs: number;
}

/** CPU seconds a process's main thread has used, from /proc (Linux counts in USER_HZ, 100 a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(target: Target, endpoint: Pick<Endpoint, 'request'>, connections: number, seconds = SECONDS): Promise<Run> {
  await probe(target.url, endpoint.request(0));
  await load(target.url, endpoint, connections, 1);
  const cpuBefore = cpuSeconds(target.pid);
  const result = await load(target.url, endpoint, connections, seconds);
  const cpuMs = (1000 * (cpuSeconds(target.pid) - cpuBefore)) / Math.max(1, result.requests.total);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx, cpuMs };
}

/** The same run with node:http's keep-alive client instead of autocannon (see keep-alive-load.ts). */
async function measureKeepAlive(target: Target, endpoint: Pick<Endpoint, 'request'>, connections: number): Promise<LoadFigures> {
  await probe(target.url, endpoint.request(0));
  await keepAliveLoad(target.url, endpoint, connections, 1);
  return keepAliveLoad(target.url, endpoint, connections, SECONDS);
}

async function withTarget<T>(kind: TargetKind, use: (target: Target) => Promise<T>, burnMs?: number): Promise<T> {
  const target = await startTarget(kind, burnMs);
  try {
    return await use(target);
  } finally {
    target.stop();
  }
}

const figure = (run: LoadFigures) => `${run.rps} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.failures} failures`;
const ratio = (run: Run, bare: Run) => `${((100 * run.rps) / bare.rps).toFixed(0)}% of bare`;

/** The server's resident memory in MB, from /proc (Linux), worker threads included. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * The figures of issue 16, each beside its baseline (measured in the same run) and its target:
 * start-up against node -e 1; /api/ask at 32 and Slack at 64 against bare node:http at the same
 * concurrency; Teams' p99 at 64; the server's RSS under a minute, then another, of mixed load at 64.
 * Under each surface, its stack's floor (bench/floor-servers.ts): how far the target is reachable on it.
 */
export async function benchTargets(engine: Engine, options: { rssSeconds?: number } = {}): Promise<string[]> {
  const lines = [startUp()];
  const questions = benchQuestions(engine, 1000);
  const question = distinct(questions);
  const connector = await startTarget('bare');
  try {
    const [bare, , slack, teams] = endpoints(questions, connector.url).filter((e) => e.label !== 'GET /healthz');
    const ask = { request: (i: number) => ({ method: 'GET' as const, path: `/api/ask?q=${encodeURIComponent(question(i))}` }) };
    const bare32 = await withTarget('bare', (t) => measure(t, bare, 32));
    const api32 = await withTarget('app', (t) => measure(t, ask, 32));
    lines.push(`GET /api/ask, distinct questions, concurrency 32: ${figure(api32)} (${ratio(api32, bare32)}: bare ${bare32.rps} req/s); target at least 40%, p99 under 10 ms`);
    const express32 = await withTarget('floor-express', (t) => measure(t, bare, 32));
    lines.push(`  floor: Express answering a constant (res.json), no engine, concurrency 32: ${figure(express32)} (${ratio(express32, bare32)})`);
    const bare64 = await withTarget('bare', (t) => measure(t, bare, 64));
    const slack64 = await withTarget('app', (t) => measure(t, slack, 64));
    lines.push(`Slack /dlo-ports signed, concurrency 64: ${figure(slack64)} (${ratio(slack64, bare64)}: bare ${bare64.rps} req/s); target at least 25%`);
    const bolt64 = await withTarget('floor-bolt', (t) => measure(t, slack, 64));
    lines.push(`  floor: Bolt's ExpressReceiver acknowledging every command with "ok", concurrency 64: ${figure(bolt64)} (${ratio(bolt64, bare64)})`);
    const teams64 = await withTarget('app', (t) => measure(t, teams, 64));
    lines.push(`Teams activity, local mode, concurrency 64: ${figure(teams64)}, ${teams64.cpuMs.toFixed(2)} ms of the event loop's CPU each; target p99 under 100 ms`);
    const teamsKeepAlive = await withTarget('app', (t) => measureKeepAlive(t, teams, 64));
    lines.push(`Teams activity, local mode, concurrency 64, node:http keep-alive client: ${figure(teamsKeepAlive)}; target p99 under 100 ms`);
    const botbuilder64 = await withTarget('floor-botbuilder', (t) => measure(t, teams, 64));
    const botbuilderKeepAlive = await withTarget('floor-botbuilder', (t) => measureKeepAlive(t, teams, 64));
    lines.push(`  floor: botbuilder's CloudAdapter replying "ok" to every activity, concurrency 64: ${figure(botbuilder64)}, ${botbuilder64.cpuMs.toFixed(2)} ms of the event loop's CPU each; node:http keep-alive client: ${figure(botbuilderKeepAlive)}`);
    // The cause of Teams' p99: a node:http server that spends the same CPU on each request shows the same queue.
    const burning = await withTarget('bare', (t) => measure(t, bare, 64), teams64.cpuMs);
    const burningKeepAlive = await withTarget('bare', (t) => measureKeepAlive(t, bare, 64), teams64.cpuMs);
    lines.push(`bare node:http spending ${teams64.cpuMs.toFixed(2)} ms of CPU on each request (Teams' cost), concurrency 64: ${figure(burning)}; node:http keep-alive client: ${figure(burningKeepAlive)}`);

    // Memory: the three surfaces in turn, each request its own question, user and conversation.
    const seconds = options.rssSeconds ?? 60;
    const mixed = { request: (i: number) => (i % 3 === 0 ? ask : i % 3 === 1 ? slack : teams).request(i) };
    lines.push(
      await withTarget('app', async (t) => {
        const start = rssMb(t.pid);
        await measure(t, mixed, 64, seconds);
        const first = rssMb(t.pid);
        await load(t.url, mixed, 64, seconds);
        const second = rssMb(t.pid);
        return `server RSS, /api/ask, Slack and Teams in turn at concurrency 64: ${start} MB at start, ${first} MB after ${seconds + 1} s, ${second} MB after another ${seconds} s; target under 150 MB after a minute, flat over the second`;
      }),
    );
  } finally {
    connector.stop();
  }
  return lines;
}
