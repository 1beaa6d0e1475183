/**
 * Entry point of `npm run deploy-commands`: registers the slash commands to one guild
 * (DISCORD_GUILD_ID set: visible instantly) or globally (unset). Never loads the model.
 */
import { ConfigError, loadDiscordConfig, loadEnvFile } from '../config.js';
import { deployCommands } from './deploy.js';
import { redact } from './log.js';

async function main(): Promise<void> {
  loadEnvFile();
  let config;
  try {
    config = loadDiscordConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cannot deploy commands: ${error.problems.join('; ')}\n`);
      process.exit(1);
    }
    throw error;
  }
  const result = await deployCommands(config);
  const where = result.scope === 'guild' ? `guild ${config.guildId} (available now)` : 'all guilds (may take up to an hour to appear)';
  process.stdout.write(`Registered /${result.names.join(', /')} for application ${result.applicationId} in ${where}.\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`Cannot deploy commands: ${redact(message, [process.env.DISCORD_TOKEN ?? ''])}\n`);
  process.exit(1);
});
