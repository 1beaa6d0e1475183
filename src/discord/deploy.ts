/** Registers the bot's slash commands through Discord's REST API; shared by `deploy-commands.ts` and tests. */
import { REST, Routes, type APIApplication } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import { commandRegistrations } from './commands/index.js';

export interface DeployResult {
  applicationId: string;
  scope: 'guild' | 'global';
  names: string[];
}

/** Overwrites the application's commands with this bot's definitions (PUT is idempotent). */
export async function deployCommands(config: Pick<DiscordConfig, 'token' | 'apiUrl' | 'guildId' | 'questionMaxLength'>): Promise<DeployResult> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  const body = commandRegistrations({ questionMaxLength: config.questionMaxLength });
  const route = config.guildId
    ? Routes.applicationGuildCommands(application.id, config.guildId)
    : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { applicationId: application.id, scope: config.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}

