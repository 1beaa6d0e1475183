/**
 * The Discord stand-in in a process of its own, for load tests: the bot under test shares nothing with it, so the
 * bot's memory is measured alone. Driven over IPC: `{ ask: { n, question } }` sends user n's /ask interaction;
 * the child reports `{ ready: { apiUrl } }` once listening and `{ answered: n }` when an interaction is answered.
 */
import { chatInput, newUser } from '../../test/discord/stand-in/payloads.js';
import { DiscordStandIn } from '../../test/discord/stand-in/server.js';

interface Ask {
  ask: { n: number; question: string };
}

const send = (message: unknown) => process.send?.(message);

async function main(): Promise<void> {
  const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 5_000 });
  const pending = new Map<string, number>();
  let answered = 0;
  standIn.onResponse = (r) => {
    const m = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(r.path);
    const n = m ? pending.get(m[1]!) : undefined;
    if (n === undefined || r.status >= 400) return;
    pending.delete(m![1]!);
    send({ answered: n });
    if (++answered % 500 === 0) standIn.prune();
  };
  process.on('message', (message: Ask | 'close') => {
    if (message === 'close') {
      void standIn.close().then(() => process.exit(0));
      return;
    }
    const { n, question } = message.ask;
    const payload = chatInput(standIn, 'ask', { question }, { user: newUser(`u${n}`) });
    pending.set(payload.token, n);
    standIn.sendInteraction(payload);
  });
  send({ ready: { apiUrl: standIn.apiUrl } });
}

void main();
