"""Rebuild bge-small-en-v1.5 as a PyTorch BERT from the vendored int8 ONNX graph, and check it against the reference
vectors of ../shared/models (cosine >= 0.99 expected). Weights: (q - zero_point) * scale, per tensor for the
embeddings, per output column for the 72 matrices (6 per layer, in the graph's order: query, key, value, attention
output, intermediate, output).

    python3 research/reader/dequantize.py [work dir, default /tmp/reader]
"""
import json, os, sys
import numpy as np, onnx, torch
from onnx import numpy_helper
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

MODEL = 'models/Xenova/bge-small-en-v1.5/'
REFERENCE = '../shared/models/reference-vectors.json'
WORK = sys.argv[1] if len(sys.argv) > 1 else '/tmp/reader'
os.makedirs(WORK, exist_ok=True)

graph = onnx.load(MODEL + 'onnx/model_quantized.onnx')
init = {i.name: numpy_helper.to_array(i) for i in graph.graph.initializer}

def dequantized(base):
    q = init[base + '_quantized'].astype(np.float32)
    return (q - init[base + '_zero_point'].astype(np.float32)) * init[base + '_scale']

state = {}
for k in ['word_embeddings', 'token_type_embeddings', 'position_embeddings']:
    state[f'embeddings.{k}.weight'] = dequantized(f'embeddings.{k}.weight')
for name, value in init.items():
    if name.startswith('embeddings.LayerNorm') or name.startswith('encoder.'):
        state[name] = value
matrices = sorted({n[: -len('_quantized')] for n in init if n.startswith('onnx::MatMul_') and n.endswith('_quantized')},
                  key=lambda s: int(s.split('_')[-1]))
assert len(matrices) == 72, len(matrices)
parts = ['attention.self.query', 'attention.self.key', 'attention.self.value', 'attention.output.dense',
         'intermediate.dense', 'output.dense']
for layer in range(12):
    for j, part in enumerate(parts):
        state[f'encoder.layer.{layer}.{part}.weight'] = dequantized(matrices[layer * 6 + j]).T

config = BertConfig.from_json_file(MODEL + 'config.json')
model = BertModel(config, add_pooling_layer=False)
model.load_state_dict({k: torch.tensor(np.ascontiguousarray(v)) for k, v in state.items()}, strict=True)
model.eval()
torch.save(model.state_dict(), os.path.join(WORK, 'bge_dequantized.pt'))

tokenizer = Tokenizer.from_file(MODEL + 'tokenizer.json')
reference = json.load(open(REFERENCE))['models']['Xenova/bge-small-en-v1.5']
for case in reference['cases']:
    ids = torch.tensor([tokenizer.encode(case['input']).ids])
    with torch.no_grad():
        cls = model(input_ids=ids, attention_mask=torch.ones_like(ids), token_type_ids=torch.zeros_like(ids)).last_hidden_state[0, 0]
    v = (cls / cls.norm()).numpy()
    r = np.array(case['vector'])
    print(f'cosine with the reference vector: {float(v @ r / np.linalg.norm(r)):.4f}  ({case["input"][:60]}…)')
