/**
 * Entry point of `npm run deploy-commands`: registers the slash commands to one guild
 * (DISCORD_GUILD_ID set: visible instantly) or globally (unset). Never loads the model.
 */
import { deployCommands } from './deploy.js';
import { exitWithFatal, loadConfigOrExit } from './entry.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit('Cannot deploy commands');
  const result = await deployCommands(config);
  const where = result.scope === 'guild' ? `guild ${config.guildId} (available now)` : 'all guilds (may take up to an hour to appear)';
  process.stdout.write(`Registered /${result.names.join(', /')} for application ${result.applicationId} in ${where}.\n`);
}

main().catch((error: unknown) => exitWithFatal('Cannot deploy commands', error));
