"""Export the trained reader to ONNX and quantize it to int8 the way the vendored models are, with the bge tokenizer
files beside it, so that Transformers.js can load it from a local folder (`<work>/reader/`).

    python3 research/reader/export.py [work dir, default /tmp/reader]
    python3 research/reader/export.py <work dir> --all    the product's reader (reader-all.pt → <work>/reader-all/)
    … --pointwise                                          the pointwise one (reader[-all]-pointwise.pt → <work>/reader[-all]-pointwise/)
"""
import json, os, shutil, sys
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import BertConfig, BertModel

args = [a for a in sys.argv[1:] if not a.startswith('--')]
ALL = '--all' in sys.argv
WORK = args[0] if args else '/tmp/reader'
MODEL = 'models/Xenova/bge-small-en-v1.5/'
NAME = ('reader-all' if ALL else 'reader') + ('-pointwise' if '--pointwise' in sys.argv else '')
OUT = os.path.join(WORK, NAME)
os.makedirs(os.path.join(OUT, 'onnx'), exist_ok=True)
config = BertConfig.from_json_file(MODEL + 'config.json')

class Reader(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = BertModel(config, add_pooling_layer=False)
        self.head = torch.nn.Linear(384, 1)
    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.head(self.enc(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state[:, 0])

reader = Reader()
saved = torch.load(os.path.join(WORK, NAME + '.pt'))
reader.enc.load_state_dict(saved['enc']); reader.head.load_state_dict(saved['head']); reader.eval()
x = torch.ones(2, 16, dtype=torch.long)
axes = {'b': 0, 't': 1}
torch.onnx.export(reader, (x, x, torch.zeros_like(x)), os.path.join(OUT, 'onnx/model.onnx'),
                  input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['logits'],
                  dynamic_axes={n: {0: 'batch', 1: 'tokens'} for n in ['input_ids', 'attention_mask', 'token_type_ids']} | {'logits': {0: 'batch'}},
                  opset_version=14, dynamo=False)
quantize_dynamic(os.path.join(OUT, 'onnx/model.onnx'), os.path.join(OUT, 'onnx/model_quantized.onnx'), weight_type=QuantType.QInt8)
meta = json.load(open(MODEL + 'config.json'))
meta.update({'architectures': ['BertForSequenceClassification'], 'id2label': {'0': 'LABEL_0'}, 'label2id': {'LABEL_0': 0}})
json.dump(meta, open(os.path.join(OUT, 'config.json'), 'w'), indent=2)
for f in ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']:
    if os.path.exists(MODEL + f): shutil.copy(MODEL + f, os.path.join(OUT, f))
print(OUT, os.path.getsize(os.path.join(OUT, 'onnx/model_quantized.onnx')), 'bytes (int8)')
