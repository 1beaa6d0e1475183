/**
 * What the embedding stage must know about each model: how to pool token vectors into one sentence vector and which
 * prefixes the model was trained with. Numbers come from the models' cards (see models/README.md).
 */

export type Pooling = 'cls' | 'mean';

export interface ModelSpec {
  id: string;
  pooling: Pooling;
  /** Prepended to every question before embedding. */
  queryPrefix: string;
  /** Prepended to every passage before embedding. */
  passagePrefix: string;
}

const KNOWN_MODELS: Record<string, Omit<ModelSpec, 'id'>> = {
  'Xenova/bge-small-en-v1.5': {
    pooling: 'cls',
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    passagePrefix: '',
  },
  'Xenova/e5-small-v2': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  'Xenova/all-MiniLM-L6-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '' },
};

/** The spec of a known model; any other model id gets mean pooling and no prefixes, the sentence-transformers default. */
export function modelSpec(id: string): ModelSpec {
  return { id, ...(KNOWN_MODELS[id] ?? { pooling: 'mean', queryPrefix: '', passagePrefix: '' }) };
}

export const KNOWN_MODEL_IDS = Object.keys(KNOWN_MODELS);
