/**
 * Shared shape of the slash-command definitions, and the option types derived from them:
 * a command file declares its options once (`as const`), and handlers read typed values with
 * `readOptions`, so a renamed or retyped option is a compile error rather than a silent null.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

type SupportedOptionType =
  | ApplicationCommandOptionType.String
  | ApplicationCommandOptionType.Integer
  | ApplicationCommandOptionType.Boolean;

export interface OptionDefinition {
  readonly type: SupportedOptionType;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly min_value?: number;
  readonly max_value?: number;
  readonly min_length?: number;
  readonly max_length?: number;
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionDefinition[];
}

type ValueOf<T> = T extends ApplicationCommandOptionType.String
  ? string
  : T extends ApplicationCommandOptionType.Integer
    ? number
    : T extends ApplicationCommandOptionType.Boolean
      ? boolean
      : never;

type OptionsOf<D> = D extends { readonly options: readonly (infer O)[] } ? O : never;

/** `{ question: string; results: number | null; … }` for a definition's options; optional ones may be null. */
export type OptionValues<D extends CommandDefinition> = {
  [O in OptionsOf<D> as O extends { readonly name: infer N extends string } ? N : never]: O extends {
    readonly type: infer T;
    readonly required: true;
  }
    ? ValueOf<T>
    : ValueOf<O extends { readonly type: infer T } ? T : never> | null;
};

/** The part of a discord.js interaction's option resolver that `readOptions` needs. */
export interface OptionSource {
  get(name: string): { value?: unknown } | null;
}

const EXPECTED: Record<SupportedOptionType, string> = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
};

/**
 * Reads every option of `definition` from an interaction; a missing or mistyped optional value is null.
 * A missing required one (Discord enforces them, so only a stale registration) throws.
 */
export function readOptions<D extends CommandDefinition>(definition: D, source: OptionSource): OptionValues<D> {
  const values: Record<string, unknown> = {};
  for (const option of definition.options ?? []) {
    const value = source.get(option.name)?.value;
    const valid = typeof value === EXPECTED[option.type];
    if (!valid && option.required) throw new Error(`/${definition.name}: required option "${option.name}" is missing`);
    values[option.name] = valid ? value : null;
  }
  return values as OptionValues<D>;
}

/** The registration body Discord expects: usable in servers and in DMs with the bot. */
export function toRegistration(definition: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: definition.name,
    description: definition.description,
    options: (definition.options ?? []).map((o) => ({ ...o })) as RESTPostAPIChatInputApplicationCommandsJSONBody['options'],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}
