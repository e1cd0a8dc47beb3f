#!/usr/bin/python3
"""Independent reference for Easel's Keras import: a NumPy forward pass written from the file's own config and
weights (read with h5py; no TensorFlow, no Keras, no Easel code).

For every model in a folder (.h5/.hdf5 full models, Keras 3 .keras zips, A.json + A.h5 architecture + weights):
  * reference inputs: Keras' own saved inputs/outputs when the folder has them (<stem>_inputs_and_outputs.h5 with
    inputs/ and predictions/, as written by DL4J's test-resource generator), else a seeded random input of the
    declared shape (open dimensions: images 32, sequences 7; Embedding inputs are integer indices);
  * inputs are float32 values (both sides see the same numbers); the pass itself runs in float64;
  * writes <model>.reference.h5 with inputs/<input layer>, predictions/<output layer> (float32: Keras' own when
    available, else this pass rounded), predictions64/<output layer> (this pass in float64) and, when an output
    layer ends in softmax/sigmoid, logits64/<output layer> (the same pass without that activation), which
    ParityRunner.java compares with DL4J's outputs in float32 and, with the network converted, in float64.

Usage: /usr/bin/python3 reference.py DIR   (prints one line per model: source of the reference, or why none)
"""
import json
import os
import sys
import zipfile

import h5py
import numpy as np

OPEN_IMAGE, OPEN_SEQ, BATCH = 32, 7, 4


# ---------------------------------------------------------------- reading files
def _str(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def weights_from_group(root):
    """{layer: [arrays in weight_names order]} from a Keras 1/2/3 legacy weights group."""
    out = {}
    for layer in [_str(n) for n in root.attrs.get("layer_names", [])]:
        g = root[layer]
        names = [_str(n) for n in g.attrs.get("weight_names", [])]
        out[layer] = [(n, np.array(g[n], dtype=np.float64)) for n in names]
    return out


def snake(cls):
    import re
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", cls)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", s).lower()


def weights_from_keras_zip(h5, layers):
    """Keras 3 stores a model's layers as layers/<snake_case class>[_n], numbered per class in order.
    tf.keras 2.15 saving on Windows writes root groups named 'layers\\<name>' (backslashes inside the name)."""
    out = {}
    counters = {}
    backslash = "layers" not in h5 and any(k.startswith("layers\\") for k in h5.keys())
    root_names = list(h5.keys())

    def group_path(name):
        return ("layers\\" + name) if backslash else ("layers/" + name)

    def subgroups(path):
        if backslash:
            pre = path + "\\"
            return sorted((k[len(pre):], k) for k in root_names if k.startswith(pre) and "\\" not in k[len(pre):])
        g = h5[path]
        return sorted((k, path + "/" + k) for k in g.keys() if k != "vars" and isinstance(g[k], h5py.Group))

    for l in layers:
        if l["class_name"] == "InputLayer":
            continue
        name = l.get("config", {}).get("name", l.get("name"))
        s = snake(l["class_name"])
        n = counters.get(s, 0)
        counters[s] = n + 1
        group = group_path(s if n == 0 else f"{s}_{n}")
        if group not in h5:
            group = group_path(name)
        if group not in h5:
            continue
        paths = []

        def walk(path):
            if path + "/vars" in h5:
                for k in sorted(h5[path + "/vars"].keys(), key=int):
                    paths.append(path + "/vars/" + k)
            for _, sub in subgroups(path):
                walk(sub)

        walk(group)
        out[name] = [(p, np.array(h5[p], dtype=np.float64)) for p in paths]
    return out


def load(path):
    """(config dict, keras_version, {layer: [(name, array)]})."""
    if zipfile.is_zipfile(path):
        z = zipfile.ZipFile(path)
        cfg = json.loads(z.read("config.json"))
        meta = json.loads(z.read("metadata.json")) if "metadata.json" in z.namelist() else {}
        tmp = path + ".weights.tmp.h5"
        with open(tmp, "wb") as f:
            f.write(z.read("model.weights.h5"))
        try:
            with h5py.File(tmp, "r") as h5:
                w = weights_from_keras_zip(h5, layer_list(cfg))
        finally:
            os.remove(tmp)
        return cfg, meta.get("keras_version", "3"), w
    if path.endswith(".json"):
        cfg = json.load(open(path))
        with h5py.File(path[:-5] + ".h5", "r") as h5:
            root = h5 if "layer_names" in h5.attrs else h5["model_weights"]
            return cfg, cfg.get("keras_version", "?"), weights_from_group(root)
    with h5py.File(path, "r") as h5:
        cfg = json.loads(_str(h5.attrs["model_config"]))
        version = _str(h5.attrs.get("keras_version", "1"))
        return cfg, version, weights_from_group(h5["model_weights"] if "model_weights" in h5 else h5)


def layer_list(cfg):
    c = cfg["config"]
    return c if isinstance(c, list) else c["layers"]


def short(name):
    s = name.split("/")[-1]
    return s.split(":")[0]


def named(ws):
    """[(full name, array)] -> {short name: array}; numbered .keras vars keep their index as name."""
    return {short(n): a for n, a in ws}


# ---------------------------------------------------------------- maths
def act(name, x, cfg=None):
    name = name or "linear"
    if isinstance(name, dict):
        name = name.get("config", {}).get("name", name.get("class_name", "linear"))
    name = name.lower()
    if name in ("linear", "none"):
        return x
    if name == "relu":
        return np.maximum(x, 0)
    if name == "relu6":
        return np.clip(x, 0, 6)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if name == "hard_sigmoid":
        return np.clip(0.2 * x + 0.5, 0, 1) if not KERAS3 else np.clip(x / 6 + 0.5, 0, 1)
    if name == "tanh":
        return np.tanh(x)
    if name == "softmax":
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    if name == "elu":
        return np.where(x > 0, x, np.exp(np.minimum(x, 0)) - 1)
    if name == "selu":
        a, s = 1.6732632423543772, 1.0507009873554805
        return s * np.where(x > 0, x, a * (np.exp(np.minimum(x, 0)) - 1))
    if name == "softplus":
        return np.log1p(np.exp(-np.abs(x))) + np.maximum(x, 0)
    if name == "softsign":
        return x / (1 + np.abs(x))
    if name in ("swish", "silu"):
        return x / (1 + np.exp(-x))
    if name == "exponential":
        return np.exp(x)
    if name == "leaky_relu":
        return np.where(x > 0, x, 0.2 * x)
    raise NotImplementedError("activation " + name)


def pad_same(n, k, s, d=1):
    ke = (k - 1) * d + 1
    out = -(-n // s)
    total = max((out - 1) * s + ke - n, 0)
    return total // 2, total - total // 2


def conv2d_nhwc(x, k, strides, padding, dilation=(1, 1)):
    """x [b,h,w,c], k [kh,kw,c,o]; cross-correlation like TensorFlow."""
    kh, kw = k.shape[:2]
    if padding == "same":
        ph, pw = pad_same(x.shape[1], kh, strides[0], dilation[0]), pad_same(x.shape[2], kw, strides[1], dilation[1])
        x = np.pad(x, ((0, 0), ph, pw, (0, 0)))
    b, h, w, c = x.shape
    oh = (h - (kh - 1) * dilation[0] - 1) // strides[0] + 1
    ow = (w - (kw - 1) * dilation[1] - 1) // strides[1] + 1
    out = np.zeros((b, oh, ow, k.shape[3]))
    for i in range(kh):
        for j in range(kw):
            patch = x[:, i * dilation[0]: i * dilation[0] + strides[0] * (oh - 1) + 1: strides[0],
                      j * dilation[1]: j * dilation[1] + strides[1] * (ow - 1) + 1: strides[1], :]
            out += patch @ k[i, j]
    return out


def depthwise_nhwc(x, k, strides, padding, dilation=(1, 1)):
    """k [kh,kw,c,m] -> output channels c*m (channel-major, like TF)."""
    c, m = k.shape[2], k.shape[3]
    outs = []
    for ci in range(c):
        outs.append(conv2d_nhwc(x[..., ci:ci + 1], k[:, :, ci:ci + 1, :], strides, padding, dilation))
    return np.concatenate(outs, axis=-1)


def pool2d(x, size, strides, padding, kind):
    if padding == "same":
        ph, pw = pad_same(x.shape[1], size[0], strides[0]), pad_same(x.shape[2], size[1], strides[1])
        fill = -np.inf if kind == "max" else np.nan
        x = np.pad(x, ((0, 0), ph, pw, (0, 0)), constant_values=fill)
    b, h, w, c = x.shape
    oh, ow = (h - size[0]) // strides[0] + 1, (w - size[1]) // strides[1] + 1
    stack = []
    for i in range(size[0]):
        for j in range(size[1]):
            stack.append(x[:, i: i + strides[0] * (oh - 1) + 1: strides[0], j: j + strides[1] * (ow - 1) + 1: strides[1], :])
    s = np.stack(stack)
    return s.max(axis=0) if kind == "max" else np.nanmean(s, axis=0)


def lstm(x, kernel, rec, bias, units, act_name, rec_act, return_sequences, go_backwards=False):
    b, t, _ = x.shape
    h = np.zeros((b, units))
    c = np.zeros((b, units))
    seq = []
    steps = range(t - 1, -1, -1) if go_backwards else range(t)
    for s in steps:
        z = x[:, s] @ kernel + h @ rec + (bias if bias is not None else 0)
        i, f, g, o = z[:, :units], z[:, units:2 * units], z[:, 2 * units:3 * units], z[:, 3 * units:]
        i, f, o = act(rec_act, i), act(rec_act, f), act(rec_act, o)
        c = f * c + i * act(act_name, g)
        h = o * act(act_name, c)
        seq.append(h)
    if go_backwards:
        seq = seq[::-1]
    return np.stack(seq, 1) if return_sequences else h


def simple_rnn(x, kernel, rec, bias, units, act_name, return_sequences, go_backwards=False):
    b, t, _ = x.shape
    h = np.zeros((b, units))
    seq = []
    steps = range(t - 1, -1, -1) if go_backwards else range(t)
    for s in steps:
        h = act(act_name, x[:, s] @ kernel + h @ rec + (bias if bias is not None else 0))
        seq.append(h)
    if go_backwards:
        seq = seq[::-1]
    return np.stack(seq, 1) if return_sequences else h


def gru(x, kernel, rec, bias, units, act_name, rec_act, return_sequences, reset_after):
    b, t, _ = x.shape
    h = np.zeros((b, units))
    seq = []
    if bias is not None and bias.ndim == 2:
        bi, br = bias[0], bias[1]
    else:
        bi, br = (bias if bias is not None else 0), 0
    for s in range(t):
        xz = x[:, s] @ kernel + bi
        if reset_after:
            hz = h @ rec + br
            z = act(rec_act, xz[:, :units] + hz[:, :units])
            r = act(rec_act, xz[:, units:2 * units] + hz[:, units:2 * units])
            hh = act(act_name, xz[:, 2 * units:] + r * hz[:, 2 * units:])
        else:
            z = act(rec_act, xz[:, :units] + h @ rec[:, :units])
            r = act(rec_act, xz[:, units:2 * units] + h @ rec[:, units:2 * units])
            hh = act(act_name, xz[:, 2 * units:] + (r * h) @ rec[:, 2 * units:])
        h = z * h + (1 - z) * hh
        seq.append(h)
    return np.stack(seq, 1) if return_sequences else h


# ---------------------------------------------------------------- attention and normalisation (Keras formulas)
def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def layer_norm(x, c, w):
    """keras.layers.LayerNormalization over the last axis: (x - mean) / sqrt(var + eps) * gamma + beta."""
    axis = c.get("axis", -1)
    axis = axis if isinstance(axis, list) else [axis]
    if len(axis) != 1 or axis[0] not in (-1, x.ndim - 1) or c.get("rms_scaling"):
        raise NotImplementedError("LayerNormalization axis %s rms_scaling %s" % (axis, c.get("rms_scaling")))
    vals = list(w.values())
    names = list(w.keys())
    if all(short(n).isdigit() for n in names):        # .keras: gamma (scale) then beta (center)
        order = (["gamma"] if c.get("scale", True) else []) + (["beta"] if c.get("center", True) else [])
        ws = dict(zip(order, vals))
    else:
        ws = {short(n): a for n, a in w.items()}
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    y = (x - mean) / np.sqrt(var + c.get("epsilon", 1e-3))
    return y * ws.get("gamma", 1.0) + ws.get("beta", 0.0)


def mha_weights(w):
    """{'query': (kernel, bias), ...} from legacy names (.../query/kernel:0) or .keras paths (.../query_dense/vars/0)."""
    out = {}
    for n, a in w.items():
        parts = n.replace("\\", "/").split("/")
        if "vars" in parts:
            sub, var = parts[-3].lstrip("_").replace("_dense", ""), ("kernel" if parts[-1] == "0" else "bias")
            sub = "attention_output" if sub == "output" else sub
        else:
            sub, var = parts[-2], short(n)
        out.setdefault(sub, {})[var] = a
    return out


def causal(scores):
    t, s_ = scores.shape[-2:]
    keep = np.tril(np.ones((t, s_), dtype=bool))
    return np.where(keep, scores, scores - 1e9)


def multi_head_attention(c, w, xs):
    """keras.layers.MultiHeadAttention on [batch, time, features] (attention over time), inference (no dropout)."""
    q_in, v_in, k_in = xs[0], xs[1], xs[2] if len(xs) > 2 else xs[1]
    ax = c.get("attention_axes")
    if ax not in (None, [1], 1, [-2]):
        raise NotImplementedError("attention_axes %s" % ax)
    ws = mha_weights(w)

    def proj(x, role):
        y = np.einsum("btd,dhk->bthk", x, ws[role]["kernel"])
        return y + ws[role]["bias"] if "bias" in ws[role] else y
    q, k, v = proj(q_in, "query"), proj(k_in, "key"), proj(v_in, "value")
    q = q / np.sqrt(float(ws["query"]["kernel"].shape[2]))
    scores = np.einsum("bshk,bthk->bhts", k, q)
    if c.get("_causal"):
        scores = causal(scores)
    att = softmax(scores, -1)
    o = np.einsum("bhts,bshv->bthv", att, v)
    y = np.einsum("bthv,hvo->bto", o, ws["attention_output"]["kernel"])
    return y + ws["attention_output"]["bias"] if "bias" in ws["attention_output"] else y


def dot_attention(cls, c, w, xs):
    """keras.layers.Attention (dot / concat score) and AdditiveAttention; inputs [query, value(, key)]."""
    q, v = xs[0], xs[1]
    k = xs[2] if len(xs) > 2 else v
    vals = {short(n): a for n, a in w.items()}
    if all(n.isdigit() for n in vals):                 # .keras: scale then concat_score_weight
        order = ["scale"] if c.get("use_scale", cls == "AdditiveAttention") else []
        order += ["concat_score_weight"] if c.get("score_mode") == "concat" else []
        vals = dict(zip(order, vals.values()))
    if cls == "AdditiveAttention":
        scale = vals.get("scale", 1.0)
        scores = (scale * np.tanh(q[:, :, None, :] + k[:, None, :, :])).sum(-1)
    elif c.get("score_mode", "dot") == "dot":
        scores = q @ np.swapaxes(k, 1, 2)
        if "scale" in vals:
            scores = scores * vals["scale"]
    else:
        inner = q[:, :, None, :] + k[:, None, :, :]
        if "scale" in vals:
            inner = vals["scale"] * inner
        scores = vals["concat_score_weight"] * np.tanh(inner).sum(-1)
    if c.get("_causal") or c.get("causal"):
        scores = causal(scores)
    return softmax(scores, -1) @ v


# ---------------------------------------------------------------- layers
def tup(v, n):
    return tuple(v) if isinstance(v, (list, tuple)) else (v,) * n


def run_layer(cls, c, w, xs, keras1):
    """One layer: c its config, w {short name: array} (or [arrays] for .keras), xs list of inputs."""
    x = xs[0]
    wl = list(w.values())
    channels_first = c.get("data_format") == "channels_first" or c.get("dim_ordering") == "th"
    if cls in ("InputLayer", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise", "GaussianDropout",
               "AlphaDropout", "ActivityRegularization", "Masking"):
        return x
    if cls in ("Dense", "TimeDistributedDense"):
        y = x @ wl[0] + (wl[1] if len(wl) > 1 else 0)
        return act(c.get("activation"), y)
    if cls == "Activation":
        return act(c["activation"], x)
    if cls == "Softmax":
        return act("softmax", x)
    if cls == "ReLU":
        mv, ns, th = c.get("max_value"), c.get("negative_slope", 0) or 0, c.get("threshold", 0) or 0
        y = np.where(x >= th, x, ns * (x - th))
        return np.minimum(y, mv) if mv is not None else y
    if cls == "LeakyReLU":
        a = c.get("alpha", c.get("negative_slope", 0.3))
        return np.where(x > 0, x, a * x)
    if cls == "ELU":
        a = c.get("alpha", 1.0)
        return np.where(x > 0, x, a * (np.exp(np.minimum(x, 0)) - 1))
    if cls == "ThresholdedReLU":
        return np.where(x > c.get("theta", 1.0), x, 0)
    if cls == "PReLU":
        return np.where(x > 0, x, wl[0] * x)
    if cls == "Flatten":
        return x.reshape(x.shape[0], -1)
    if cls == "Reshape":
        return x.reshape((x.shape[0],) + tuple(c["target_shape"]))
    if cls == "Permute":
        return np.transpose(x, (0,) + tuple(c["dims"]))
    if cls == "RepeatVector":
        return np.repeat(x[:, None, :], c["n"], axis=1)
    if cls == "Rescaling":
        return x * c["scale"] + c.get("offset", 0)
    if cls in ("Conv2D", "Convolution2D"):
        k = wl[0]
        if keras1:
            ks = (c["nb_row"], c["nb_col"])
            strides, padding, dil = tup(c.get("subsample", 1), 2), c.get("border_mode", "valid"), (1, 1)
            if k.shape[:2] != ks:          # th kernels [out, in, kh, kw], Theano true convolution: flip
                k = k[:, :, ::-1, ::-1].transpose(2, 3, 1, 0)
        else:
            strides, padding, dil = tup(c.get("strides", 1), 2), c.get("padding", "valid"), tup(c.get("dilation_rate", 1), 2)
        xi = x.transpose(0, 2, 3, 1) if channels_first else x
        y = conv2d_nhwc(xi, k, strides, padding, dil) + (wl[1] if len(wl) > 1 and c.get("use_bias", c.get("bias", True)) else 0)
        y = act(c.get("activation"), y)
        return y.transpose(0, 3, 1, 2) if channels_first else y
    if cls in ("Conv1D", "Convolution1D"):
        k = wl[0]
        if keras1:
            k = k.reshape(k.shape[0], k.shape[2], k.shape[3]) if k.ndim == 4 else k
            strides, padding, dil = c.get("subsample_length", 1), c.get("border_mode", "valid"), 1
        else:
            strides, padding, dil = tup(c.get("strides", 1), 1)[0], c.get("padding", "valid"), tup(c.get("dilation_rate", 1), 1)[0]
        if padding == "causal":
            x = np.pad(x, ((0, 0), ((k.shape[0] - 1) * dil, 0), (0, 0)))
            padding = "valid"
        y = conv2d_nhwc(x[:, :, None, :], k[:, None], (strides, 1), padding, (dil, 1))[:, :, 0, :]
        return act(c.get("activation"), y + (wl[1] if len(wl) > 1 else 0))
    if cls in ("SeparableConv2D", "SeparableConvolution2D"):
        strides, padding, dil = tup(c.get("strides", 1), 2), c.get("padding", "valid"), tup(c.get("dilation_rate", 1), 2)
        y = depthwise_nhwc(x, wl[0], strides, padding, dil)
        y = conv2d_nhwc(y, wl[1], (1, 1), "valid") + (wl[2] if len(wl) > 2 else 0)
        return act(c.get("activation"), y)
    if cls == "DepthwiseConv2D":
        strides, padding, dil = tup(c.get("strides", 1), 2), c.get("padding", "valid"), tup(c.get("dilation_rate", 1), 2)
        y = depthwise_nhwc(x, wl[0], strides, padding, dil) + (wl[1] if len(wl) > 1 else 0)
        return act(c.get("activation"), y)
    if cls in ("MaxPooling2D", "AveragePooling2D"):
        size = tup(c.get("pool_size", 2), 2)
        strides = tup(c.get("strides") or size, 2)
        padding = c.get("padding", c.get("border_mode", "valid"))
        xi = x.transpose(0, 2, 3, 1) if channels_first else x
        y = pool2d(xi, size, strides, padding, "max" if cls.startswith("Max") else "avg")
        return y.transpose(0, 3, 1, 2) if channels_first else y
    if cls in ("MaxPooling1D", "AveragePooling1D"):
        size = tup(c.get("pool_size", c.get("pool_length", 2)), 1)[0]
        strides = tup(c.get("strides") or c.get("stride") or size, 1)[0]
        y = pool2d(x[:, :, None, :], (size, 1), (strides, 1), c.get("padding", c.get("border_mode", "valid")),
                   "max" if cls.startswith("Max") else "avg")
        return y[:, :, 0, :]
    if cls == "GlobalAveragePooling2D":
        return x.mean(axis=(2, 3) if channels_first else (1, 2))
    if cls == "GlobalMaxPooling2D":
        return x.max(axis=(2, 3) if channels_first else (1, 2))
    if cls == "GlobalAveragePooling1D":
        return x.mean(axis=2 if channels_first else 1)
    if cls == "GlobalMaxPooling1D":
        return x.max(axis=2 if channels_first else 1)
    if cls == "LayerNormalization":
        return layer_norm(x, c, w)
    if cls == "MultiHeadAttention":
        return multi_head_attention(c, w, xs)
    if cls in ("Attention", "AdditiveAttention"):
        return dot_attention(cls, c, w, xs)
    if cls == "TFOpLambda":
        f = c["function"]
        if f in ("__operators__.add", "math.add"):
            return xs[0] + xs[1]
        if f == "math.subtract":
            return xs[0] - xs[1]
        if f == "math.multiply":
            return xs[0] * xs[1]
        raise NotImplementedError("TFOpLambda " + f)
    if cls == "ZeroPadding2D":
        p = c["padding"]
        p = ((p, p), (p, p)) if isinstance(p, int) else tuple(tuple(tup(q, 2)) for q in p)
        return np.pad(x, ((0, 0),) + p + ((0, 0),))
    if cls == "UpSampling2D":
        s = tup(c.get("size", 2), 2)
        return x.repeat(s[0], axis=1).repeat(s[1], axis=2)
    if cls == "Cropping2D":
        (t, b), (l, r) = [tup(q, 2) for q in c["cropping"]]
        return x[:, t: x.shape[1] - b, l: x.shape[2] - r, :]
    if cls == "BatchNormalization":
        ws = dict(w)
        names = list(ws.keys())
        if all(short(n).isdigit() for n in names):   # .keras: gamma?, beta?, mean, var
            order = (["gamma"] if c.get("scale", True) else []) + (["beta"] if c.get("center", True) else []) + ["moving_mean", "moving_variance"]
            ws = dict(zip(order, wl))
        gamma = ws.get("gamma", 1.0)
        beta = ws.get("beta", 0.0)
        mean = ws.get("moving_mean", ws.get("running_mean"))
        var = ws.get("moving_variance", ws.get("running_std"))
        eps = c.get("epsilon", 1e-3)
        axis = c.get("axis", -1)
        axis = axis[0] if isinstance(axis, list) else axis
        shape = [1] * x.ndim
        shape[axis] = -1
        r = lambda v: np.reshape(v, shape) if np.ndim(v) else v
        return (x - r(mean)) / np.sqrt(r(var) + eps) * r(gamma) + r(beta)
    if cls == "Embedding":
        return wl[0][x.astype(np.int64)]
    if cls == "LSTM":
        units = c.get("units", c.get("output_dim"))
        if keras1 and "W_i" in w:
            k = np.concatenate([w["W_i"], w["W_f"], w["W_c"], w["W_o"]], 1)
            rk = np.concatenate([w["U_i"], w["U_f"], w["U_c"], w["U_o"]], 1)
            bb = np.concatenate([w["b_i"], w["b_f"], w["b_c"], w["b_o"]])
        else:
            k, rk, bb = wl[0], wl[1], (wl[2] if len(wl) > 2 else None)
        return lstm(x, k, rk, bb, units, c.get("activation", "tanh"),
                    c.get("recurrent_activation", c.get("inner_activation", "hard_sigmoid")),
                    c.get("return_sequences", False), c.get("go_backwards", False))
    if cls == "SimpleRNN":
        units = c.get("units", c.get("output_dim"))
        return simple_rnn(x, wl[0], wl[1], wl[2] if len(wl) > 2 else None, units, c.get("activation", "tanh"),
                          c.get("return_sequences", False), c.get("go_backwards", False))
    if cls == "GRU":
        return gru(x, wl[0], wl[1], wl[2] if len(wl) > 2 else None, c["units"], c.get("activation", "tanh"),
                   c.get("recurrent_activation", "sigmoid"), c.get("return_sequences", False), c.get("reset_after", False))
    if cls == "Bidirectional":
        inner = c["layer"]
        ic = inner["config"]
        half = len(wl) // 2
        fwd = run_layer(inner["class_name"], ic, dict(list(w.items())[:half]), [x], keras1)
        icb = dict(ic, go_backwards=not ic.get("go_backwards", False))
        bwd = run_layer(inner["class_name"], icb, dict(list(w.items())[half:]), [x], keras1)
        mode = c.get("merge_mode", "concat")
        if mode == "concat":
            return np.concatenate([fwd, bwd], -1)
        if mode == "sum":
            return fwd + bwd
        if mode == "mul":
            return fwd * bwd
        if mode == "ave":
            return (fwd + bwd) / 2
        raise NotImplementedError("merge_mode " + mode)
    if cls == "TimeDistributed":
        inner = c["layer"]
        b, t = x.shape[:2]
        y = run_layer(inner["class_name"], inner["config"], w, [x.reshape((b * t,) + x.shape[2:])], keras1)
        return y.reshape((b, t) + y.shape[1:])
    if cls == "Add":
        return sum(xs)
    if cls == "Subtract":
        return xs[0] - xs[1]
    if cls == "Multiply":
        out = xs[0]
        for v in xs[1:]:
            out = out * v
        return out
    if cls == "Average":
        return sum(xs) / len(xs)
    if cls == "Maximum":
        return np.maximum.reduce(xs)
    if cls == "Concatenate":
        return np.concatenate(xs, axis=c.get("axis", -1))
    raise NotImplementedError("layer class " + cls)


# ---------------------------------------------------------------- model
def call_of(layer):
    """(positional input layer names, keyword arguments with tensors as layer names) of a functional layer's call,
    in the Keras 2 layout ([[name, node, tensor, {kwargs}], ...]; tf.keras writes a TFOpLambda node as one entry)
    and the Keras 3 layout ({"args": [...], "kwargs": {...}} with __keras_tensor__ objects)."""
    nodes = layer.get("inbound_nodes", [])
    if not nodes:
        return [], {}
    node = nodes[0]

    def names(v):
        if isinstance(v, dict):
            if v.get("class_name") == "__keras_tensor__":
                return v["config"]["keras_history"][0]
            return {k: names(u) for k, u in v.items()}
        if isinstance(v, list):
            if len(v) >= 3 and isinstance(v[0], str) and isinstance(v[1], int) and isinstance(v[2], int):
                return v[0]
            return [names(u) for u in v]
        return v
    if isinstance(node, dict):   # Keras 3
        flat = []

        def walk(v):
            if isinstance(v, dict) and v.get("class_name") == "__keras_tensor__":
                flat.append(v["config"]["keras_history"][0])
            elif isinstance(v, dict):
                for u in v.values():
                    walk(u)
            elif isinstance(v, list):
                for u in v:
                    walk(u)
        walk(node.get("args", []))
        return flat, names(node.get("kwargs", {}))
    entries = [node] if node and isinstance(node[0], str) else node
    kwargs = entries[0][3] if entries and len(entries[0]) > 3 else {}
    return [e[0] for e in entries], names(kwargs)


def inbound(layer):
    """Names of the layers feeding a functional layer, in the order the layer takes them."""
    pos, kw = call_of(layer)
    cls = layer["class_name"]
    if cls == "MultiHeadAttention":
        q = kw.get("query") or pos[0]
        v = kw.get("value") or (pos[1] if len(pos) > 1 else None)
        k = kw.get("key") or (pos[2] if len(pos) > 2 else v)
        return [q, v, k]
    if cls in ("Attention", "AdditiveAttention"):
        return kw.get("inputs") or pos
    if cls == "TFOpLambda" and isinstance(kw.get("y"), str):
        return pos + [kw["y"]]
    if not pos and kw:             # keywords only
        return [v for v in kw.values() if isinstance(v, str)]
    return pos


def causal_call(layer):
    pos, kw = call_of(layer)
    return bool(kw.get("use_causal_mask")) if isinstance(kw, dict) else False


def input_shapes(cfg):
    layers = layer_list(cfg)
    shapes = []
    if cfg["class_name"] == "Sequential":
        c = layers[0]["config"]
        s = c.get("batch_input_shape") or c.get("batch_shape")
        if s is None and "input_dim" in c:
            s = [None, c["input_dim"]]
        shapes.append(("input", s[1:], layers[0]))
    else:
        for l in layers:
            if l["class_name"] == "InputLayer":
                c = l["config"]
                shapes.append((c["name"], (c.get("batch_input_shape") or c.get("batch_shape"))[1:], l))
    return shapes


def forward(cfg, weights, inputs, keras1):
    layers = layer_list(cfg)
    def wmap(name):
        ws = weights.get(name, [])
        shorts = [short(n) for n, _ in ws]
        if len(set(shorts)) < len(shorts) and not any("forward_" in n for n, _ in ws):
            return {n: a for n, a in ws}          # repeated short names (MultiHeadAttention): keep full paths
        out = {}
        for n, a in ws:
            k = n if short(n).isdigit() else short(n)
            direction = [seg for seg in n.split("/")[1:-1] if seg.startswith(("forward_", "backward_"))]
            if direction:
                k = direction[0] + "/" + k
            if k.startswith(name + "_"):          # Keras 1: lstm_1_W_i
                k = k[len(name) + 1:]
            out[k] = a
        return out
    if cfg["class_name"] == "Sequential":
        x = inputs[0]
        for l in layers:
            c = l["config"]
            x = run_layer(l["class_name"], c, wmap(c.get("name")), [x], keras1)
        return [x]
    vals = {}
    names = [inp[0] for inp in input_shapes(cfg)]
    for n, v in zip(names, inputs):
        vals[n] = v
    for l in layers:
        c = l["config"]
        name = c.get("name", l.get("name"))
        if l["class_name"] == "InputLayer":
            continue
        if l["class_name"] in ("MultiHeadAttention", "Attention", "AdditiveAttention"):
            c = dict(c, _causal=causal_call(l) or c.get("causal", False))
        vals[name] = run_layer(l["class_name"], c, wmap(name), [vals[i] for i in inbound(l)], keras1)
    outs = cfg["config"]["output_layers"]
    outs = [outs] if outs and isinstance(outs[0], str) else outs
    return [vals[o[0]] for o in outs]


SQUASHING = ("softmax", "sigmoid")


def without_output_activation(cfg):
    """A copy of the config whose output layers end linearly (their softmax/sigmoid removed), or None when no output
    layer squashes. Saturated probabilities (exactly 0 or 1) compare equal whatever the weights; logits do not."""
    import copy
    c2 = copy.deepcopy(cfg)
    outs = set(output_names(c2))
    changed = False
    for l in layer_list(c2):
        name = l["config"].get("name", l.get("name"))
        a = l["config"].get("activation")
        a = a.get("config", {}).get("name", a.get("class_name")) if isinstance(a, dict) else a
        if name in outs and isinstance(a, str) and a.lower() in SQUASHING:
            l["config"]["activation"] = "linear"
            changed = True
    return c2 if changed else None


def output_names(cfg):
    if cfg["class_name"] == "Sequential":
        l = layer_list(cfg)[-1]
        return [l["config"]["name"]]
    outs = cfg["config"]["output_layers"]
    outs = [outs] if outs and isinstance(outs[0], str) else outs
    return [o[0] for o in outs]


KERAS3 = False


def reference(path):
    """(inputs, float64 predictions, Keras' own predictions or None, float64 logits or None, description)."""
    global KERAS3
    cfg, version, weights = load(path)
    KERAS3 = str(version).startswith("3")
    keras1 = str(version).startswith("1")
    stem = path.rsplit(".", 1)[0]
    shapes = input_shapes(cfg)
    for cand in (stem + "_inputs_and_outputs.h5", stem.replace("_model", "") + "_inputs_and_outputs.h5"):
        if os.path.isfile(cand):
            with h5py.File(cand, "r") as f:
                if "predictions" in f:
                    ins = {k: np.array(f["inputs"][k]) for k in f["inputs"]}
                    keras = {k: np.array(f["predictions"][k]) for k in f["predictions"]}
            # The NumPy pass on Keras' own inputs too: the float64 reference, and a check of this script against Keras.
            feed = [ins[name if cfg["class_name"] != "Sequential" else next(iter(ins))].astype(np.float64) for name, _, _ in shapes]
            ours = dict(zip(output_names(cfg), forward(cfg, weights, feed, keras1)))
            check = max(float(np.abs(ours[k].reshape(keras[k].shape) - keras[k]).max()) for k in keras if k in ours) \
                if all(k in ours for k in keras) else float("nan")
            lin = without_output_activation(cfg)
            logits = dict(zip(output_names(cfg), forward(lin, weights, feed, keras1))) if lin else None
            return ins, ours, keras, logits, "Keras' own predictions (%s); NumPy float64 pass vs Keras %.2g" % (os.path.basename(cand), check)
    rng = np.random.default_rng(20240601)
    inputs = []
    for name, s, layer in shapes:
        dims = [d if d is not None else (OPEN_IMAGE if len(s) == 3 else OPEN_SEQ) for d in s]
        vocab = None
        for l in layer_list(cfg):
            if l["class_name"] == "Embedding" and (cfg["class_name"] == "Sequential" or name in inbound(l)):
                vocab = l["config"]["input_dim"]
                break
        x = rng.integers(0, vocab, size=[BATCH] + dims) if vocab else rng.random([BATCH] + dims)
        # float32 inputs (what both sides see), computed on in float64
        inputs.append(x.astype(np.float32).astype(np.float64))
    outs = forward(cfg, weights, inputs, keras1)
    lin = without_output_activation(cfg)
    logits = dict(zip(output_names(cfg), forward(lin, weights, inputs, keras1))) if lin else None
    ins = {(name if cfg["class_name"] != "Sequential" else "input"): v for (name, _, _), v in zip(shapes, inputs)}
    return ins, dict(zip(output_names(cfg), outs)), None, logits, "NumPy forward pass (reference.py, float64)"


def main(folder):
    for f in sorted(os.listdir(folder)):
        p = os.path.join(folder, f)
        low = f.lower()
        if low.endswith(".reference.h5") or "_inputs_and_outputs" in low:
            continue
        if low.endswith(".json") and not os.path.isfile(p[:-5] + ".h5"):
            continue
        if low.endswith(".h5") and os.path.isfile(p[:-3] + ".json"):
            continue
        if not low.endswith((".h5", ".hdf5", ".keras", ".json")):
            continue
        try:
            ins, preds64, keras, logits, source = reference(p)
        except Exception as e:  # noqa: BLE001 - report and go on
            print(f"{f}\tno reference\t{type(e).__name__}: {e}")
            continue
        # inputs/ (float32, exact), predictions/ (float32: Keras' own when the folder has them, else the NumPy pass
        # rounded), predictions64/ (the NumPy pass in float64, for the float64 comparison)
        with h5py.File(p + ".reference.h5", "w") as out:
            for k, v in ins.items():
                out[f"inputs/{k}"] = v.astype(np.float32)
            for k, v in (keras if keras is not None else preds64).items():
                out[f"predictions/{k}"] = v.astype(np.float32)
            for k, v in preds64.items():
                out[f"predictions64/{k}"] = v.astype(np.float64)
            for k, v in (logits or {}).items():
                out[f"logits64/{k}"] = v.astype(np.float64)
            out.attrs["source"] = source
        print(f"{f}\t{source}")


if __name__ == "__main__":
    main(sys.argv[1])
