"""Writes the model directory transformers.js loads unchanged (BERT-style layout):

    config.json  tokenizer.json  tokenizer_config.json  onnx/model.onnx

The ONNX graph is a lookup: last_hidden_state[b, t] = vectors[input_ids[b, t]] * attention_mask[b, t],
vectors stored in float16, and sentence_embedding[b] = normalise(sum over t of last_hidden_state[b, t]),
which is what the model was trained with and what transformers.js's mean pooling + normalise gives.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MAX_LENGTH = 2048


def tokenizer_json(sp):
    vocab = [[sp.id_to_piece(i), 0.0 if sp.is_control(i) or sp.is_unknown(i) else float(sp.get_score(i))] for i in range(sp.get_piece_size())]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": sp.id_to_piece(i), "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i in range(sp.get_piece_size()) if sp.is_control(i) or sp.is_unknown(i)
        ],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFKC"},
            {"type": "Lowercase"},
            {"type": "Replace", "pattern": {"Regex": "\\s+"}, "content": " "},
            {"type": "Strip", "strip_left": True, "strip_right": True},
        ]},
        # Pieces never span a space, so splitting at spaces first gives sentencepiece's segmentation
        # with a short lattice per word (fast on long vacancy texts).
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "WhitespaceSplit"},
            {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True, "prepend_scheme": "always"},
        ]},
        "post_processor": None,
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True, "prepend_scheme": "always"},
        "model": {"type": "Unigram", "unk_id": sp.unk_id(), "vocab": vocab, "byte_fallback": False},
    }


def onnx_model(vectors):
    table = numpy_helper.from_array(vectors.astype(np.float16), name="vectors")
    nodes = [
        helper.make_node("Gather", ["vectors", "input_ids"], ["gathered"], axis=0),
        helper.make_node("Cast", ["gathered"], ["gathered32"], to=TensorProto.FLOAT),
        helper.make_node("Cast", ["attention_mask"], ["mask"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask", "last_axis"], ["mask3"]),
        helper.make_node("Mul", ["gathered32", "mask3"], ["last_hidden_state"]),
        # sentence_embedding: the sum over the sequence, L2-normalised (what mean pooling + normalise gives).
        helper.make_node("ReduceSum", ["last_hidden_state", "sequence_axis"], ["summed"], keepdims=0),
        helper.make_node("ReduceL2", ["summed"], ["norm"], axes=[1], keepdims=1),
        helper.make_node("Max", ["norm", "epsilon"], ["safe_norm"]),
        helper.make_node("Div", ["summed", "safe_norm"], ["sentence_embedding"]),
    ]
    graph = helper.make_graph(
        nodes,
        "kohtaanto_static_embedding",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", vectors.shape[1]]),
         helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", vectors.shape[1]])],
        [table,
         numpy_helper.from_array(np.array([-1], dtype=np.int64), name="last_axis"),
         numpy_helper.from_array(np.array([1], dtype=np.int64), name="sequence_axis"),
         numpy_helper.from_array(np.array(1e-12, dtype=np.float32), name="epsilon")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="kohtaanto-train")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def write(out_dir, sp, vectors, card):
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    onnx.save(onnx_model(vectors), os.path.join(out_dir, "onnx", "model.onnx"))

    def dump(name, value):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=None if name == "tokenizer.json" else 1)
            f.write("\n")

    dump("tokenizer.json", tokenizer_json(sp))
    dump("tokenizer_config.json", {
        "tokenizer_class": "XLMRobertaTokenizer",
        "model_max_length": MAX_LENGTH,
        "unk_token": sp.id_to_piece(sp.unk_id()),
        "pad_token": sp.id_to_piece(sp.pad_id()),
        "clean_up_tokenization_spaces": False,
    })
    dump("config.json", {
        "model_type": "bert",
        "architectures": ["BertModel"],
        "vocab_size": int(vectors.shape[0]),
        "hidden_size": int(vectors.shape[1]),
        "pad_token_id": sp.pad_id(),
        "kohtaanto": {
            "profile": {"queryPrefix": "", "documentPrefix": "", "pooling": "model", "normalize": True},
            "training": card,
        },
    })
