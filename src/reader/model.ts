/**
 * The reader's model: a cross-encoder that reads a question beside one sentence and scores how well the sentence
 * answers it (higher is better; the scale is the model's own). Trained here from the embedding model's weights
 * (`research/reader/`), vendored as int8 ONNX in `models/`, loaded the way the embedding model is.
 *
 * Each sentence is scored alone, one model call each: dynamic int8 quantization scales activations per call, padding
 * included, so a sentence scored in a batch would get another score than alone (research/reader/README.md).
 */
import { AutoModelForSequenceClassification, AutoTokenizer } from '@xenova/transformers';
import path from 'node:path';
import { fromModelFolder, serialQueue } from '../embeddings/index.js';
import { locateModel, ModelError, verifyModelFiles } from '../embeddings/locate.js';

/** Tokens the model reads of a question and a sentence together, as it was trained. */
export const READER_MAX_TOKENS = 128;
/** Question–sentence scores kept by default, so a question asked again (or retyped) skips the model. */
export const READER_CACHE_SIZE = 20_000;

export interface ReaderModel {
  id: string;
  /** sha256 of the ONNX graph. */
  modelHash: string;
  /** The model's score for each sentence read beside the question, in order. */
  score(question: string, sentences: string[]): Promise<number[]>;
}

type Tokenizer = (text: string[], options: { text_pair: string[]; truncation: boolean; max_length: number }) => unknown;
type Classifier = (inputs: unknown) => Promise<{ logits: { data: Float32Array } }>;

/** The cache's key: the tokenizer lower-cases and folds white space, so "Who…" and "who…" read the same. */
const key = (question: string, sentence: string) => `${question.toLowerCase().replace(/\s+/g, ' ').trim()}\u0000${sentence}`;

/**
 * Loads a reader from `MODELS_DIR` or the vendored `models/` folder (never from the network: the reader is this
 * project's own), checking its files against `SHA256SUMS`. Throws `ModelError` naming the fix when it cannot.
 */
export async function loadReaderModel(id: string, modelsDir: string | null, cacheSize = READER_CACHE_SIZE): Promise<ReaderModel> {
  const location = locateModel(id, modelsDir);
  if (!location.root) {
    throw new ModelError(`reader model ${id} not found in ${modelsDir ? 'MODELS_DIR or ' : ''}models/; set READER_MODEL=off to answer without it`);
  }
  const modelHash = verifyModelFiles(location.root, id);
  let tokenizer: Tokenizer;
  let model: Classifier;
  try {
    [tokenizer, model] = await fromModelFolder(location, async () => [
      (await AutoTokenizer.from_pretrained(id)) as unknown as Tokenizer,
      (await AutoModelForSequenceClassification.from_pretrained(id, { quantized: true })) as unknown as Classifier,
    ]);
  } catch (error) {
    throw new ModelError(`could not load reader model ${id} from ${path.join(location.root, id)}: ${(error as Error).message}`);
  }
  const enqueue = serialQueue();
  const cache = new Map<string, number>();
  const one = async (question: string, sentence: string): Promise<number> => {
    const k = key(question, sentence);
    const known = cache.get(k);
    if (known !== undefined) return known;
    const v = await enqueue(async () => (await model(tokenizer([question], { text_pair: [sentence], truncation: true, max_length: READER_MAX_TOKENS }))).logits.data[0]!);
    cache.set(k, v);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return v;
  };
  return {
    id,
    modelHash,
    score: (question, sentences) => Promise.all(sentences.map((s) => one(question, s))),
  };
}
