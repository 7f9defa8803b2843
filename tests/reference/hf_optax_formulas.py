"""Faithful Python ports of Hugging Face transformers and Optax schedule formulas.

Run: /usr/bin/python3 tests/reference/hf_optax_formulas.py  (Debian python3-torch 1.13)
Writes hf_optax.json next to this file.

HF lambdas are copied from huggingface/transformers src/transformers/optimization.py
(stored copy at commit 005edacb6b5dabbf0843e92c6623de9e07ca6241) and wrapped in a REAL
torch.optim.lr_scheduler.LambdaLR exactly as HF does, so 'lr' comes from PyTorch stepping.
Optax schedules are copied from google-deepmind/optax optax/schedules/_schedule.py
(commit 006cebd2adddd064757543329c83eaed0890ed82) and _join.py (join_schedules), with
jnp replaced by Python float64 math (real Optax evaluates in float32 by default).
"""
import json, math, os, warnings
from functools import partial
import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import LambdaLR

warnings.filterwarnings("ignore")
GROUP_LRS = [1e-3, 5e-4]  # optimizer.defaults['lr'] = 1e-3 (group 0)
N_REC = 110               # record steps 0..109 (num_training_steps=100, so 10 steps past the end)


# ---------------- HF lambdas (verbatim logic) ----------------
def _linear(current_step, *, num_warmup_steps, num_training_steps):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    return max(0.0, float(num_training_steps - current_step) / float(max(1, num_training_steps - num_warmup_steps)))


def _cosine(current_step, *, num_warmup_steps, num_training_steps, num_cycles):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    return max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress)))


def _hard_restarts(current_step, *, num_warmup_steps, num_training_steps, num_cycles):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    if progress >= 1.0:
        return 0.0
    return max(0.0, 0.5 * (1.0 + math.cos(math.pi * ((float(num_cycles) * progress) % 1.0))))


def _poly(current_step, *, num_warmup_steps, num_training_steps, lr_end, power, lr_init):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    elif current_step > num_training_steps:
        return lr_end / lr_init
    else:
        lr_range = lr_init - lr_end
        decay_steps = num_training_steps - num_warmup_steps
        pct_remaining = 1 - (current_step - num_warmup_steps) / decay_steps
        decay = lr_range * pct_remaining ** power + lr_end
        return decay / lr_init


def _inv_sqrt(current_step, *, num_warmup_steps, timescale=None):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    shift = timescale - num_warmup_steps
    return 1.0 / math.sqrt((current_step + shift) / timescale)


def _wsd(current_step, *, num_warmup_steps, num_stable_steps, num_decay_steps, warmup_type, decay_type,
         min_lr_ratio, num_cycles):
    if current_step < num_warmup_steps:
        progress = float(current_step) / float(max(1, num_warmup_steps))
        if warmup_type == "linear":
            factor = progress
        elif warmup_type == "cosine":
            factor = 0.5 * (1.0 - math.cos(math.pi * progress))
        elif warmup_type == "1-sqrt":
            factor = 1.0 - math.sqrt(1.0 - progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    if current_step < num_warmup_steps + num_stable_steps:
        return 1.0
    if current_step < num_warmup_steps + num_stable_steps + num_decay_steps:
        progress = float(current_step - num_warmup_steps - num_stable_steps) / float(max(1, num_decay_steps))
        if decay_type == "linear":
            factor = 1.0 - progress
        elif decay_type == "cosine":
            factor = 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress))
        elif decay_type == "1-sqrt":
            factor = 1.0 - math.sqrt(progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    return min_lr_ratio


def hf_case(call, fn, kwargs):
    groups = []
    for lr in GROUP_LRS:
        p = torch.nn.Parameter(torch.zeros(1)); p.grad = torch.zeros(1)
        groups.append({"params": [p], "lr": lr})
    opt = SGD(groups, lr=GROUP_LRS[0])
    if fn is _poly:  # HF: lr_init = optimizer.defaults["lr"] (NOT per group)
        kwargs = dict(kwargs, lr_init=opt.defaults["lr"])
    lam = partial(fn, **kwargs)
    sched = LambdaLR(opt, lam)
    lr = [[] for _ in groups]
    for _ in range(N_REC):
        for g, pg in enumerate(opt.param_groups):
            lr[g].append(pg["lr"])
        opt.step(); sched.step()
    return {"call": call, "lambda_kwargs": kwargs, "steps": list(range(N_REC)),
            "factor": [lam(s) for s in range(N_REC)], "group_base_lrs": GROUP_LRS, "lr": lr}


HF = {}
W, T = 10, 100
HF["cosine_with_warmup"] = hf_case("get_cosine_schedule_with_warmup(opt, num_warmup_steps=10, num_training_steps=100, num_cycles=0.5)",
                                   _cosine, dict(num_warmup_steps=W, num_training_steps=T, num_cycles=0.5))
HF["linear_with_warmup"] = hf_case("get_linear_schedule_with_warmup(opt, num_warmup_steps=10, num_training_steps=100)",
                                   _linear, dict(num_warmup_steps=W, num_training_steps=T))
for pw in (1.0, 2.0):
    HF[f"polynomial_decay_power{int(pw)}"] = hf_case(
        f"get_polynomial_decay_schedule_with_warmup(opt, num_warmup_steps=10, num_training_steps=100, lr_end=1e-7, power={pw})",
        _poly, dict(num_warmup_steps=W, num_training_steps=T, lr_end=1e-7, power=pw))
HF["inverse_sqrt"] = hf_case("get_inverse_sqrt_schedule(opt, num_warmup_steps=10)  # timescale defaults to num_warmup_steps",
                             _inv_sqrt, dict(num_warmup_steps=W, timescale=W))
for dt in ("cosine", "linear"):
    HF[f"wsd_{dt}"] = hf_case(
        f"get_wsd_schedule(opt, num_warmup_steps=10, num_decay_steps=30, num_stable_steps=60, decay_type='{dt}', min_lr_ratio=0)",
        _wsd, dict(num_warmup_steps=W, num_stable_steps=60, num_decay_steps=30, warmup_type="linear",
                   decay_type=dt, min_lr_ratio=0.0, num_cycles=0.5))
HF["cosine_hard_restarts_3"] = hf_case(
    "get_cosine_with_hard_restarts_schedule_with_warmup(opt, num_warmup_steps=10, num_training_steps=100, num_cycles=3)",
    _hard_restarts, dict(num_warmup_steps=W, num_training_steps=T, num_cycles=3))


# ---------------- Optax (jnp -> float64 Python) ----------------
def linear_schedule(init_value, end_value, transition_steps, transition_begin=0):
    def schedule(count):  # polynomial_schedule with power=1
        c = min(max(count - transition_begin, 0), transition_steps)
        frac = 1 - c / transition_steps
        return (init_value - end_value) * (frac ** 1) + end_value
    return schedule


def cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0):
    def schedule(count):
        count = min(float(count), float(decay_steps))
        cosine_decay = 0.5 * (1 + math.cos(math.pi * count / decay_steps))
        return init_value * ((1 - alpha) * cosine_decay ** exponent + alpha)
    return schedule


def join_schedules(schedules, boundaries):
    def schedule(step):
        out = schedules[0](step)
        for b, s in zip(boundaries, schedules[1:]):
            out = out if step < b else s(step - b)
        return out
    return schedule


def warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0, exponent=1.0):
    alpha = 0.0 if peak_value == 0.0 else end_value / peak_value
    return join_schedules([linear_schedule(init_value, peak_value, warmup_steps),
                           cosine_decay_schedule(peak_value, decay_steps - warmup_steps, alpha, exponent)],
                          [warmup_steps])


def exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, staircase=False, end_value=None):
    def schedule(count):
        dc = count - transition_begin
        p = dc / transition_steps
        if staircase:
            p = math.floor(p)
        v = init_value if dc <= 0 else init_value * decay_rate ** p
        if end_value is not None:
            v = max(v, end_value) if decay_rate < 1.0 else min(v, end_value)
        return v
    return schedule


def piecewise_constant_schedule(init_value, boundaries_and_scales):
    def schedule(count):
        v = init_value
        for threshold, scale in sorted(boundaries_and_scales.items()):
            sign = (threshold > count) - (threshold < count)  # jnp.sign(threshold - count)
            indicator = max(0.0, float(sign))
            v = v * indicator + (1 - indicator) * scale * v
        return v
    return schedule


def ox(call, fn, steps):
    return {"call": call, "steps": steps, "value": [fn(s) for s in steps]}


S = list(range(0, 121))
OX = {
    "warmup_cosine_decay": ox("warmup_cosine_decay_schedule(init_value=0.0, peak_value=1e-3, warmup_steps=10, decay_steps=100, end_value=1e-5)",
                              warmup_cosine_decay_schedule(0.0, 1e-3, 10, 100, 1e-5), S),
    "exponential_decay": ox("exponential_decay(init_value=1e-3, transition_steps=10, decay_rate=0.5, transition_begin=5)",
                            exponential_decay(1e-3, 10, 0.5, 5), S),
    "exponential_decay_staircase_end": ox(
        "exponential_decay(init_value=1e-3, transition_steps=10, decay_rate=0.5, transition_begin=5, staircase=True, end_value=1e-4)",
        exponential_decay(1e-3, 10, 0.5, 5, True, 1e-4), S),
    "piecewise_constant": ox("piecewise_constant_schedule(init_value=1e-3, boundaries_and_scales={20: 0.1, 50: 0.5, 80: 0.1})",
                             piecewise_constant_schedule(1e-3, {20: 0.1, 50: 0.5, 80: 0.1}), S),
}

out = {
    "source": ("Python ports (float64) of huggingface/transformers src/transformers/optimization.py "
               "(commit 005edacb6b5dabbf0843e92c6623de9e07ca6241) lr_lambdas wrapped in real torch "
               f"{torch.__version__} LambdaLR; and of google-deepmind/optax optax/schedules/_schedule.py "
               "(commit 006cebd2adddd064757543329c83eaed0890ed82) + optax/schedules/_join.py "
               "(commit 58f8353e6883290002c64867bbbfc57515c68b29). Neither library was installed/run."),
    "generator": "tests/reference/hf_optax_formulas.py",
    "layout": ("hf[name].lr[g][k] = param_groups[g]['lr'] before the k-th optimizer.step()/LambdaLR.step(); "
               "hf[name].factor[k] = lr_lambda(k); optax[name].value[k] = schedule(steps[k])"),
    "hf": HF, "optax": OX,
    "optax_dtype_note": "real optax returns float32 jnp arrays; these values are float64 (compare with ~1e-6 rel tol)",
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hf_optax.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
print("wrote", path, len(HF), "hf cases,", len(OX), "optax cases")
