"""The reader probe: does a model that reads the question beside each sentence tell the answering passage and sentence
apart where the search's signals cannot?

Trains a cross-encoder — bge-small-en-v1.5's own encoder (from dequantize.py) with a linear score on [CLS], input
"question [SEP] sentence" — on the answerable tuning questions of every lane but the test and dev lanes, one pass, a
listwise loss: a sentence holding the expected answer against nine others of the search's best hits (those of the
three best first). Then, on the dev and test lanes (never trained on), each of the five best hits gets its best
sentence's score, and it reports:
- top-1 as the search ranks (with its names and time gates);
- top-1 when the first story's passages among the five are reordered by score + alpha × reader (the story kept);
- top-1 when all five are reordered so (the gates lost);
- of the questions answered right first, how often the sentence shown holds the answer, as the search picks it and
  as the reader picks it.

    python3 research/reader/train.py [work dir, default /tmp/reader]   (needs <work>/data.json from dump.mjs)
    python3 research/reader/train.py <work dir> --all   the product's reader: every tuning question (and the seed
                                                        questions, if the dump has them), no lane held back, no report
    --pointwise   also a pointwise loss, so that a score means something on its own: each of the ten sentences against
                  "holds the answer or not"; an unanswerable question in the dump (dump.mjs --unanswerable) trains with
                  all its sentences as not answering. Writes reader[-all]-pointwise.pt.
"""
import json, os, random, re, sys, time
import numpy as np, torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

args = [a for a in sys.argv[1:] if not a.startswith('--')]
ALL = '--all' in sys.argv
POINTWISE = '--pointwise' in sys.argv
SAVED = ('reader-all' if ALL else 'reader') + ('-pointwise' if POINTWISE else '') + '.pt'
WORK = args[0] if args else '/tmp/reader'
MODEL = 'models/Xenova/bge-small-en-v1.5/'
TEST = set() if ALL else {'AB', 'AC', 'AD', 'AE'}   # the four newest tuning lanes
DEV = set() if ALL else {'AA', 'Y', 'X'}            # where alpha is chosen
FROZEN_LAYERS = 6
NEGATIVES = 9
torch.set_num_threads(2); random.seed(0); torch.manual_seed(0)

data = json.load(open(os.path.join(WORK, 'data-all.json' if ALL else 'data.json')))
def lane(qid):
    m = re.match(r'[A-Z]+?(?=U?\d)', qid)
    return m.group(0) if m else qid
fold = lambda s: re.sub(r'\s+', ' ', s.lower())
train = [d for d in data if lane(d['id']) not in TEST | DEV]
answerable = lambda d: d.get('answerable', True)
dev = [d for d in data if lane(d['id']) in DEV and answerable(d)]
test = [d for d in data if lane(d['id']) in TEST and answerable(d)]
print('train', len(train), 'dev', len(dev), 'test', len(test), flush=True)

tokenizer = Tokenizer.from_file(MODEL + 'tokenizer.json'); tokenizer.enable_truncation(128); tokenizer.enable_padding()
config = BertConfig.from_json_file(MODEL + 'config.json')
encoder = BertModel(config, add_pooling_layer=False); encoder.load_state_dict(torch.load(os.path.join(WORK, 'bge_dequantized.pt')))
head = torch.nn.Linear(384, 1)
for p in encoder.embeddings.parameters(): p.requires_grad = False
for layer in encoder.encoder.layer[:FROZEN_LAYERS]:
    for p in layer.parameters(): p.requires_grad = False

def score(question, sentences):
    enc = tokenizer.encode_batch([(question, s) for s in sentences])
    ids = torch.tensor([x.ids for x in enc]); mask = torch.tensor([x.attention_mask for x in enc]); types = torch.tensor([x.type_ids for x in enc])
    return head(encoder(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state[:, 0]).squeeze(-1)

def examples(d):
    pos, neg = [], []
    for k, h in enumerate(d['hits']):
        for s in h['sents']:
            (pos if (h['right'] and fold(d['answer']) in fold(s)) else neg).append((k, s))
    return pos, neg

optimizer = torch.optim.AdamW([{'params': [p for p in encoder.parameters() if p.requires_grad], 'lr': 3e-5},
                               {'params': head.parameters(), 'lr': 1e-3}])
encoder.train(); t0 = time.time(); losses = []
order = train[:]; random.shuffle(order)
for step, d in enumerate(order):
    pos, neg = examples(d)
    if not answerable(d) and not POINTWISE: continue
    if (answerable(d) and not pos) or not neg: continue
    hard = [x for x in neg if x[0] < 3]; random.shuffle(hard)
    rest = [x for x in neg if x[0] >= 3]; random.shuffle(rest)
    if not answerable(d):
        s = score(d['question'], [x[1] for x in (hard + rest)[:NEGATIVES + 1]])
        loss = torch.nn.functional.binary_cross_entropy_with_logits(s, torch.zeros_like(s))
    else:
        negatives = (hard + rest)[:NEGATIVES]
        p = random.choice(pos)
        s = score(d['question'], [p[1]] + [x[1] for x in negatives])
        loss = torch.nn.functional.cross_entropy(s.unsqueeze(0), torch.tensor([0]))
        if POINTWISE:
            labels = torch.zeros_like(s); labels[0] = 1
            loss = loss + torch.nn.functional.binary_cross_entropy_with_logits(s, labels)
    optimizer.zero_grad(); loss.backward(); optimizer.step(); losses.append(loss.item())
    if step % 100 == 0: print(step, round(float(np.mean(losses[-100:])), 3), f'{time.time() - t0:.0f} s', flush=True)
torch.save({'enc': encoder.state_dict(), 'head': head.state_dict()}, os.path.join(WORK, SAVED))
if ALL:
    print(f'total {time.time() - t0:.0f} s'); sys.exit(0)
encoder.eval()

def read(ds):
    rows = []
    with torch.no_grad():
        for d in ds:
            hits = d['hits'][:5]
            if not hits: continue
            flat = [(k, i, s) for k, h in enumerate(hits) for i, s in enumerate(h['sents'])]
            sc = score(d['question'], [x[2] for x in flat]).numpy()
            best = np.full(len(hits), -1e9); at = [0] * len(hits)
            for (k, i, _), v in zip(flat, sc):
                if v > best[k]: best[k] = v; at[k] = i
            rows.append({
                'id': d['id'], 'a': [h['a'] for h in hits], 's': [h['s'] for h in hits], 'reader': best.tolist(),
                'right': [h['right'] for h in hits],
                'readerBold': [fold(d['answer']) in fold(h['sents'][at[k]]) for k, h in enumerate(hits)],
                'searchBold': [any(fold(d['answer']) in fold(s) for s, st in zip(h['sents'], h['starts']) if st <= h['bold'][0] < st + len(s) + 1) for h in hits],
            })
    return rows

ALPHAS = [0.5, 1, 2, 4, float('inf')]
def top1(rows, alpha, first_story_only):
    right = 0
    for r in rows:
        idx = [i for i, a in enumerate(r['a']) if a == r['a'][0]] if first_story_only else list(range(len(r['a'])))
        v = [r['reader'][i] if alpha == float('inf') else r['s'][i] + alpha * r['reader'][i] for i in idx]
        right += r['right'][idx[int(np.argmax(v))]]
    return right

results = {}
for name, ds in [('dev', dev), ('test', test)]:
    rows = read(ds)
    json.dump(rows, open(os.path.join(WORK, f'{name}.json'), 'w'))
    first = [r for r in rows if r['right'][0]]
    results[name] = {
        'questions': len(rows), 'search top-1': sum(r['right'][0] for r in rows),
        'first story reordered': {str(a): top1(rows, a, True) for a in ALPHAS},
        'all five reordered': {str(a): top1(rows, a, False) for a in ALPHAS},
        'right first': len(first), 'bold, search': sum(r['searchBold'][0] for r in first), 'bold, reader': sum(r['readerBold'][0] for r in first),
    }
    print(name, json.dumps(results[name]), flush=True)
json.dump(results, open(os.path.join(WORK, 'results.json'), 'w'), indent=1)
print(f'total {time.time() - t0:.0f} s')
