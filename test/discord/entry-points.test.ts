/**
 * `npm start` and `npm run deploy-commands` as users run them: separate Node processes configured
 * only through environment keys, talking to the stand-in through DISCORD_API_URL.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { interact } from './harness.js';
import { chatInput, newUser } from './stand-in/payloads.js';
import { DiscordStandIn, STAND_IN_TOKEN } from './stand-in/server.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without any key the user's shell may have set for the bot. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(DISCORD_|COOLDOWN_|QUESTION_|FEEDBACK_|LOG_LEVEL|STATE_FILE|REDIS_URL|SHARD|METRICS_|HTTP_)/.test(k)) env[k] = v;
  }
  // Set (even empty) so that a developer's .env file cannot fill them in.
  return { DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DISCORD_PUBLIC_KEY: '', ...env, ...extra };
}

function start(script: string, env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT_ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

function run(script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = start(script, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    // 'close', not 'exit': the output may still be in the pipes when the process exits.
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
});

afterAll(async () => {
  await standIn?.close();
});

/** Starts `npm start` against the stand-in and resolves once it is connected; `exited` resolves with its exit code. */
async function startConnected(extra: Record<string, string> = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'discord-main-'));
  const identifiesBefore = standIn.gateway.stats.identifies.length;
  const child = start('src/discord/main.ts', {
    DISCORD_TOKEN: STAND_IN_TOKEN,
    DISCORD_API_URL: standIn.apiUrl,
    FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
    STATE_FILE: path.join(dir, 'state.sqlite'),
    ...extra,
  });
  const out = { stderr: '' };
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  await standIn.waitFor(
    () => exitCode !== undefined || (standIn.gateway.stats.identifies.length > identifiesBefore && standIn.gateway.live),
    'the bot to connect',
    30_000,
  );
  return { child, exited, out, dir };
}

/** Runs an entry point that must stop at start: exit code 1 and one line on stderr, which it returns. */
async function failsInOneLine(script: string, env: Record<string, string>): Promise<string> {
  const result = await run(script, env);
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const events = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('npm run serve:http (src/discord/serve-http.ts)', () => {
  it('exits 1 with one line naming DISCORD_PUBLIC_KEY when it is not set', async () => {
    expect(await failsInOneLine('src/discord/serve-http.ts', {})).toMatch(/^Cannot start the HTTP endpoint: DISCORD_PUBLIC_KEY is not set/);
  });
});

describe('npm start (src/discord/main.ts)', () => {
  it('exits with code 1 and one line naming DISCORD_TOKEN when it is not set', async () => {
    expect(await failsInOneLine('src/discord/main.ts', {})).toContain('DISCORD_TOKEN is not set');
  });

  it('refuses a malformed token in one line without echoing it', async () => {
    const bad = 'this-is-not.a-token';
    const line = await failsInOneLine('src/discord/main.ts', { DISCORD_TOKEN: bad });
    expect(line).toContain('DISCORD_TOKEN is malformed');
    expect(line).not.toContain(bad);
  });

  it('does not print the token when it is pasted into the wrong key', async () => {
    const result = await run('src/discord/main.ts', { DISCORD_TOKEN: STAND_IN_TOKEN, DISCORD_GUILD_ID: STAND_IN_TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_GUILD_ID');
    expect(result.stderr).not.toContain(STAND_IN_TOKEN);
  });

  it('exits 1 in one line naming FEEDBACK_FILE when it cannot be written, before connecting', async () => {
    const blocker = path.join(await mkdtemp(path.join(tmpdir(), 'feedback-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const identifiesBefore = standIn.gateway.stats.identifies.length;
    const result = await run('src/discord/main.ts', {
      DISCORD_TOKEN: STAND_IN_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      FEEDBACK_FILE: path.join(blocker, 'feedback.jsonl'),
    });
    expect(result.code).toBe(1);
    const last = result.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^Cannot start the bot: FeedbackError: FEEDBACK_FILE .*feedback\.jsonl cannot be written/);
    expect(standIn.gateway.stats.identifies.length).toBe(identifiesBefore);
  });

  it('names every bad key at once', async () => {
    const result = await run('src/discord/main.ts', { DISCORD_TOKEN: STAND_IN_TOKEN, COOLDOWN_SECONDS: 'soon', DISCORD_API_URL: 'ftp://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('COOLDOWN_SECONDS');
    expect(result.stderr).toContain('DISCORD_API_URL');
    expect(result.stderr).not.toContain(STAND_IN_TOKEN);
  });

  it('runs unsharded with SHARDS empty, as copied from .env.example', async () => {
    const { child, exited } = await startConnected({ SHARDS: '' });
    try {
      expect(standIn.gateway.stats.identifies.at(-1)!.shard).toEqual([0, 1]);
      const reply = await interact(standIn, chatInput(standIn, 'ask', { question: 'What is sextortion?' }, { user: newUser() }));
      expect(reply.message.embeds.length).toBeGreaterThan(0);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('connects through DISCORD_API_URL, answers, and exits 0 on SIGTERM without logging the token', async () => {
    const { child, exited, out } = await startConnected({ LOG_LEVEL: 'debug' });
    try {
      const reply = await interact(standIn, chatInput(standIn, 'ask', { question: 'What is sextortion?' }, { user: newUser() }));
      expect(reply.message.embeds.length).toBeGreaterThan(0);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    const logged = events(out.stderr);
    expect(logged.map((e) => e.event)).toEqual(expect.arrayContaining(['startup', 'gateway.ready', 'question', 'shutdown.signal', 'shutdown.done']));
    // At debug level the question text is logged; the token never is.
    expect(logged.find((e) => e.event === 'question')!.question).toBe('What is sextortion?');
    expect(out.stderr).not.toContain(STAND_IN_TOKEN);
  });
});

describe('npm start: fatal failures exit 1 with one line naming them', () => {
  it.each([
    [4004, 'Authentication failed.'],
    [4014, 'Disallowed intent(s).'],
  ])('exits 1 when the gateway closes with %i, which discord.js will not recover from', async (code, reason) => {
    const { child, exited, out } = await startConnected();
    try {
      standIn.gateway.closeWith(code, reason);
      expect(await exited).toBe(1);
    } finally {
      child.kill('SIGKILL');
    }
    const fatal = events(out.stderr).filter((e) => e.event === 'fatal');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ level: 'error', reason: 'gateway-closed', code });
    expect(events(out.stderr).map((e) => e.event)).toContain('shutdown.done');
  });

  it('exits 1 when the model cannot be loaded, instead of apologising to every question', async () => {
    const models = await mkdtemp(path.join(tmpdir(), 'broken-models-'));
    const id = 'Xenova/bge-small-en-v1.5';
    cpSync(path.join(PROJECT_ROOT, 'models', id), path.join(models, id), { recursive: true });
    writeFileSync(path.join(models, id, 'onnx', 'model_quantized.onnx'), 'not a model');
    const { child, exited, out } = await startConnected({ MODELS_DIR: models });
    try {
      expect(await exited).toBe(1);
    } finally {
      child.kill('SIGKILL');
    }
    const fatal = events(out.stderr).find((e) => e.event === 'fatal');
    expect(fatal).toMatchObject({ reason: 'model-failed' });
    expect(fatal!.error.message).toContain('does not match SHA256SUMS');
    expect(out.stderr).not.toContain(STAND_IN_TOKEN);
  });
});

describe('npm run deploy-commands (src/discord/deploy-commands.ts)', () => {
  it('registers /ask, /sources and /help to one guild when DISCORD_GUILD_ID is set', async () => {
    const guildId = '123456789012345678';
    const before = standIn.requests.length;
    const result = await run('src/discord/deploy-commands.ts', {
      DISCORD_TOKEN: STAND_IN_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      DISCORD_GUILD_ID: guildId,
      QUESTION_MAX_LENGTH: '250',
    });
    expect(result.code).toBe(0);
    const [put] = standIn.find((r) => r.method === 'PUT', before);
    expect(put!.path).toBe(`/applications/${standIn.applicationId}/guilds/${guildId}/commands`);
    expect(put!.authorization).toBe(`Bot ${STAND_IN_TOKEN}`);
    expect(put!.body.map((c: any) => c.name)).toEqual(['ask', 'sources', 'help']);
    const ask = put!.body[0];
    expect(ask.options.map((o: any) => [o.name, o.type, o.required ?? false])).toEqual([
      ['question', 3, true],
      ['results', 4, false],
      ['private', 5, false],
      ['thread', 5, false],
    ]);
    expect(ask.options[0].autocomplete).toBe(true);
    expect(ask.options[0].max_length).toBe(250);
    expect([ask.options[1].min_value, ask.options[1].max_value]).toEqual([1, 5]);
    expect(result.stdout).toContain(`guild ${guildId}`);
  });

  it('registers globally when DISCORD_GUILD_ID is unset', async () => {
    const before = standIn.requests.length;
    const result = await run('src/discord/deploy-commands.ts', { DISCORD_TOKEN: STAND_IN_TOKEN, DISCORD_API_URL: standIn.apiUrl });
    expect(result.code).toBe(0);
    const [put] = standIn.find((r) => r.method === 'PUT', before);
    expect(put!.path).toBe(`/applications/${standIn.applicationId}/commands`);
    expect(result.stdout).toContain('all guilds');
  });

  it('fails in one line when the token is rejected', async () => {
    const wrong = STAND_IN_TOKEN.replace('standIn', 'wrongIn');
    const line = await failsInOneLine('src/discord/deploy-commands.ts', { DISCORD_TOKEN: wrong, DISCORD_API_URL: standIn.apiUrl });
    expect(line).toContain('401');
    expect(line).not.toContain(wrong);
  });

  it('never imports the question-answering core, so it does not load the model', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/from '(\.[^']+)\.js'/g)) visit(path.resolve(path.dirname(file), `${m[1]}.ts`));
    };
    visit(path.join(PROJECT_ROOT, 'src/discord/deploy-commands.ts'));
    const modules = [...seen].map((f) => path.relative(PROJECT_ROOT, f));
    expect(modules).toContain('src/discord/commands/ask.ts');
    expect(modules.filter((m) => /^src\/(answer|embeddings|index|search|passages|corpus)\//.test(m))).toEqual([]);
  });
});
