"""Reference numbers for the shapes and transformers of issue 19 (items 2 and 3).

Run: /usr/bin/python3 tests/reference/shapes.py   (Debian python3-torch 1.13)
Writes shapes.json next to this file; running it twice gives the same bytes.

Two kinds of numbers, each case saying which in its "source":
- "torch": REAL torch.optim.lr_scheduler 1.13 runs (ChainedScheduler, SequentialLR, StepLR, MultiStepLR,
  ExponentialLR, ConstantLR, LinearLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, LambdaLR). lr[g][k] is
  param_groups[g]['lr'] before the k-th optimizer.step(); scheduler.step() pair.
- "port": float64 transcriptions of the anchor's own source, which is not installable here (no PyPI):
  * timm timm/scheduler/cosine_lr.py (huggingface/pytorch-image-models commit 16664ea31ba52dc55c3744e69741fffddb4845da),
    timm/scheduler/tanh_lr.py (commit 0d4c04f3497fcb3987174a43ab4836564e8ecd54): CosineLRScheduler._get_lr and
    TanhLRScheduler._get_lr, value[g][t] = _get_lr(t)[g] for t = 0..T.
  * DeepSpeed deepspeed/runtime/lr_schedules.py (deepspeedai/DeepSpeed commit 22779f2c6e335b494c90c05917206d3b14510d2d):
    WarmupLR._get_gamma / get_lr (warmup_type='log'): value[g][i] is get_lr() at last_batch_iteration = i (DeepSpeed
    calls step() after each batch, so batch i + 1 trains with it). LRRangeTest (lr_range_test_staircase=True):
    value[g][k] is the lr batch k trains with, get_lr() at last_batch_iteration = k - 1 (the constructor's min_lr for
    k = 0); its interval counts last_batch_iteration + 1 = k.
  * Optax optax/schedules/_schedule.py (google-deepmind/optax commit 006cebd2adddd064757543329c83eaed0890ed82):
    piecewise_interpolate_schedule with jnp replaced by float64 Python.
  * Hugging Face transformers src/transformers/optimization.py (commit 005edacb6b5dabbf0843e92c6623de9e07ca6241):
    _get_wsd_scheduler_lambda (decay_type='1-sqrt'), wrapped in a REAL torch LambdaLR as HF does.
  * SchedDsl's own counter-based noise (src/SchedDsl.Core/Annealing/TruncatedNoise.cs): SplitMix64 (Steele, Lea and
    Flood 2014; reference splitmix64.c by Vigna) checked here against its published outputs for seed 1234567, and
    timm's _add_noise (timm/scheduler/scheduler.py, commit 12d9a6d4d27e8e67a5be5390a6b455a24d4b7d23: lr + lr*noise on
    noise_range_t[0] <= t < noise_range_t[1]) with that generator in place of torch's.
"""
import json, math, os, warnings
import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
CASES = {}


# ---------------- real PyTorch ----------------
def make_opt(lrs):
    groups = []
    for lr in lrs:
        p = torch.nn.Parameter(torch.zeros(1)); p.grad = torch.zeros(1)
        groups.append({"params": [p], "lr": lr})
    return SGD(groups, lr=lrs[0])


def torch_case(name, call, lrs, n, build):
    opt = make_opt(lrs)
    sched = build(opt)
    lr = [[] for _ in lrs]
    for _ in range(n):
        for g, pg in enumerate(opt.param_groups):
            lr[g].append(pg["lr"])
        opt.step(); sched.step()
    CASES[name] = {"source": f"real torch {torch.__version__} torch.optim.lr_scheduler", "call": call,
                   "group_lrs": lrs, "steps": n, "lr": lr}


torch_case("chained_constant_exponential",
           "ChainedScheduler([ConstantLR(opt, factor=0.5, total_iters=10), ExponentialLR(opt, gamma=0.97)]), 60 steps",
           [0.1, 0.01], 60,
           lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.5, total_iters=10), S.ExponentialLR(o, gamma=0.97)]))
torch_case("chained_linear_step",
           "ChainedScheduler([LinearLR(opt, start_factor=0.25, total_iters=8), StepLR(opt, step_size=15, gamma=0.5)]), 60 steps",
           [0.1, 0.01], 60,
           lambda o: S.ChainedScheduler([S.LinearLR(o, start_factor=0.25, total_iters=8), S.StepLR(o, step_size=15, gamma=0.5)]))
torch_case("step_as_staircase", "StepLR(opt, step_size=7, gamma=0.8), 70 steps", [0.1, 0.01], 70,
           lambda o: S.StepLR(o, step_size=7, gamma=0.8))
# Item 3: the zoo functions that were checked only against ports, now against real PyTorch compositions.
torch_case("piecewise_constant_chained",
           "ChainedScheduler([MultiStepLR(opt, [20], gamma=0.1), MultiStepLR(opt, [50], gamma=0.5), MultiStepLR(opt, [80], gamma=0.1)]), 121 steps",
           [1e-3, 5e-4], 121,
           lambda o: S.ChainedScheduler([S.MultiStepLR(o, [20], 0.1), S.MultiStepLR(o, [50], 0.5), S.MultiStepLR(o, [80], 0.1)]))
torch_case("exponential_sequential",
           "SequentialLR(opt, [ConstantLR(opt, factor=1.0, total_iters=5), ExponentialLR(opt, gamma=0.5**0.1)], milestones=[5]), 121 steps",
           [1e-3, 5e-4], 121,
           lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=1.0, total_iters=5), S.ExponentialLR(o, gamma=0.5 ** 0.1)], milestones=[5]))
torch_case("exponential_staircase_sequential",
           "SequentialLR(opt, [ConstantLR(opt, factor=1.0, total_iters=5), StepLR(opt, step_size=10, gamma=0.5)], milestones=[5]), 121 steps",
           [1e-3, 5e-4], 121,
           lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=1.0, total_iters=5), S.StepLR(o, step_size=10, gamma=0.5)], milestones=[5]))
torch_case("wsd_sequential",
           "SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=10), ConstantLR(opt, factor=1.0, total_iters=1), CosineAnnealingLR(opt, T_max=30, eta_min=1e-4)], milestones=[10, 70]), 101 steps",
           [1e-3], 101,
           lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=10), S.ConstantLR(o, factor=1.0, total_iters=1),
                                        S.CosineAnnealingLR(o, T_max=30, eta_min=1e-4)], milestones=[10, 70]))
torch_case("wsd_linear_sequential",
           "SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=10), ConstantLR(opt, factor=1.0, total_iters=1), LinearLR(opt, start_factor=1.0, end_factor=0.1, total_iters=30)], milestones=[10, 70]), 101 steps",
           [1e-3, 5e-4], 101,
           lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=10), S.ConstantLR(o, factor=1.0, total_iters=1),
                                        S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=30)], milestones=[10, 70]))
torch_case("cosine_restarts_warm_restarts", "CosineAnnealingWarmRestarts(opt, T_0=25, T_mult=1, eta_min=0), 100 steps",
           [1e-3, 5e-4], 100, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=25, T_mult=1, eta_min=0.0))
torch_case("cosine_restarts_warmup_sequential",
           "SequentialLR(opt, [LambdaLR(opt, lambda k: k / 10), CosineAnnealingWarmRestarts(opt, T_0=30, eta_min=0)], milestones=[10]), 100 steps",
           [1e-3, 5e-4], 100,
           lambda o: S.SequentialLR(o, [S.LambdaLR(o, lambda k: k / 10), S.CosineAnnealingWarmRestarts(o, T_0=30, eta_min=0.0)], milestones=[10]))


# ---------------- timm (float64 port of _get_lr) ----------------
def timm_get_lr(t, base_values, t_initial, lr_min=0., cycle_mul=1., cycle_decay=1., cycle_limit=1, warmup_t=0,
                warmup_lr_init=0, k_decay=1.0, tanh=None):
    """CosineLRScheduler._get_lr (tanh=None) or TanhLRScheduler._get_lr (tanh=(lb, ub)); warmup_prefix=False."""
    def cycles(t):
        if cycle_mul != 1:
            i = math.floor(math.log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))
            t_i = cycle_mul ** i * t_initial
            t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial
        else:
            i = t // t_initial
            t_i = t_initial
            t_curr = t - (t_initial * i)
        gamma = cycle_decay ** i
        lr_max_values = [v * gamma for v in base_values]
        if i < cycle_limit:
            if tanh is None:
                k = k_decay
                return [lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * t_curr ** k / t_i ** k)) for lr_max in lr_max_values]
            lb, ub = tanh
            tr = t_curr / t_i
            return [lr_min + 0.5 * (lr_max - lr_min) * (1 - math.tanh(lb * (1. - tr) + ub * tr)) for lr_max in lr_max_values]
        return [lr_min for _ in base_values]
    if warmup_t:
        t_v = base_values if tanh is None else cycles(warmup_t)   # tanh: self._get_lr(self.warmup_t)
        warmup_steps = [(v - warmup_lr_init) / warmup_t for v in t_v]
    if t < warmup_t:
        return [warmup_lr_init + t * s for s in warmup_steps]
    return cycles(t)


def timm_case(name, call, base, T, **kw):
    values = [timm_get_lr(t, base, **kw) for t in range(T + 1)]
    CASES[name] = {"source": "float64 port of timm " + ("tanh_lr.py@0d4c04f3" if "tanh" in kw else "cosine_lr.py@16664ea3"),
                   "call": call, "group_lrs": base, "T": T, "kwargs": {k: v for k, v in kw.items()},
                   "value": [[v[g] for v in values] for g in range(len(base))]}


timm_case("timm_cosine_k_limit", "CosineLRScheduler(t_initial=30, lr_min=1e-5, cycle_decay=0.5, cycle_limit=2, warmup_t=5, warmup_lr_init=1e-6, k_decay=2.0), t = 0..100",
          [0.1, 0.01], 100, t_initial=30, lr_min=1e-5, cycle_decay=0.5, cycle_limit=2, warmup_t=5, warmup_lr_init=1e-6, k_decay=2.0)
timm_case("timm_cosine_mul", "CosineLRScheduler(t_initial=10, lr_min=1e-3, cycle_mul=2.0, cycle_decay=0.7, cycle_limit=3), t = 0..100",
          [0.1, 0.01], 100, t_initial=10, lr_min=1e-3, cycle_mul=2.0, cycle_decay=0.7, cycle_limit=3)
timm_case("timm_cosine_k_half", "CosineLRScheduler(t_initial=50, k_decay=0.5, cycle_limit=3), t = 0..100",
          [0.1, 0.01], 100, t_initial=50, k_decay=0.5, cycle_limit=3)
timm_case("timm_tanh", "TanhLRScheduler(t_initial=40, lb=-7, ub=3, lr_min=1e-4, cycle_decay=0.5, cycle_limit=2, warmup_t=5, warmup_lr_init=1e-5), t = 0..100",
          [0.1, 0.01], 100, t_initial=40, lr_min=1e-4, cycle_decay=0.5, cycle_limit=2, warmup_t=5, warmup_lr_init=1e-5, tanh=(-7.0, 3.0))
timm_case("timm_tanh_mul", "TanhLRScheduler(t_initial=20, lb=-6, ub=4, cycle_mul=1.5, cycle_limit=3), t = 0..100",
          [0.1, 0.01], 100, t_initial=20, cycle_mul=1.5, cycle_limit=3, tanh=(-6.0, 4.0))


# ---------------- DeepSpeed (float64 port) ----------------
def deepspeed_warmup_log(k, min_lrs, max_lrs, warmup_num_steps):
    warmup_num_steps = max(2, warmup_num_steps)
    inverse_log_warm_up = 1.0 / math.log(warmup_num_steps)
    gamma = inverse_log_warm_up * math.log(k + 1) if k < warmup_num_steps else 1.0
    return [lo + (hi - lo) * gamma for lo, hi in zip(min_lrs, max_lrs)]


CASES["deepspeed_warmup_log"] = {
    "source": "float64 port of DeepSpeed lr_schedules.py@22779f2c WarmupLR (warmup_type='log')",
    "call": "WarmupLR(opt, warmup_min_lr=[1e-5, 5e-6], warmup_max_lr=[1e-3, 5e-4], warmup_num_steps=20, warmup_type='log'), last_batch_iteration = 0..60",
    "T": 60, "value": [[deepspeed_warmup_log(k, [1e-5, 5e-6], [1e-3, 5e-4], 20)[g] for k in range(61)] for g in range(2)]}


def deepspeed_range_test_staircase(k, min_lrs, step_size, step_rate):
    if k == 0:
        return list(min_lrs)  # the constructor's update_lr(min_lr), before any step()
    last_batch_iteration = k - 1
    interval = math.floor(float(last_batch_iteration + 1) / step_size)  # _staircase_interval
    return [m * (1 + step_rate * interval) for m in min_lrs]


CASES["deepspeed_range_test_staircase"] = {
    "source": "float64 port of DeepSpeed lr_schedules.py@22779f2c LRRangeTest (lr_range_test_staircase=True)",
    "call": "LRRangeTest(opt, lr_range_test_min_lr=[1e-4, 1e-5], lr_range_test_step_size=10, lr_range_test_step_rate=0.5, lr_range_test_staircase=True), k = 0..60",
    "T": 60, "value": [[deepspeed_range_test_staircase(k, [1e-4, 1e-5], 10, 0.5)[g] for k in range(61)] for g in range(2)]}


# ---------------- Optax (float64 port) ----------------
def piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales):
    def lin(start, end, pct):
        return (end - start) * pct + start

    def cos(start, end, pct):
        return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
    fn = lin if interpolate_type == "linear" else cos
    boundaries, scales = zip(*sorted(boundaries_and_scales.items()))
    assert all(s >= 0.0 for s in scales)

    def schedule(count):
        bounds = (0,) + boundaries
        values = [init_value]
        for s in scales:
            values.append(values[-1] * s)  # jnp.cumprod
        total = 0.0
        for i in range(len(bounds) - 1):
            size = max(bounds[i + 1] - bounds[i], 1)
            if bounds[i] <= count < bounds[i + 1]:
                total += fn(values[i], values[i + 1], (count - bounds[i]) / size)
        return total + (values[-1] if bounds[-1] <= count else 0.0)
    return schedule


for kind in ("linear", "cosine"):
    bs = {10: 10.0, 40: 0.05, 90: 0.2}
    f = piecewise_interpolate_schedule(kind, 1e-3, bs)
    CASES[f"optax_piecewise_interpolate_{kind}"] = {
        "source": "float64 port of optax _schedule.py@006cebd2 piecewise_interpolate_schedule",
        "call": f"piecewise_interpolate_schedule('{kind}', init_value=1e-3, boundaries_and_scales={bs}), count = 0..120",
        "T": 120, "value": [[f(c) for c in range(121)]]}


# ---------------- Hugging Face 1-sqrt wsd (port in a real LambdaLR) ----------------
def _wsd(current_step, *, num_warmup_steps, num_stable_steps, num_decay_steps, decay_type, min_lr_ratio):
    if current_step < num_warmup_steps:
        progress = float(current_step) / float(max(1, num_warmup_steps))
        factor = progress  # warmup_type == "linear"
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    if current_step < num_warmup_steps + num_stable_steps:
        return 1.0
    if current_step < num_warmup_steps + num_stable_steps + num_decay_steps:
        progress = float(current_step - num_warmup_steps - num_stable_steps) / float(max(1, num_decay_steps))
        assert decay_type == "1-sqrt"
        factor = 1.0 - math.sqrt(progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    return min_lr_ratio


torch_case("hf_wsd_1_sqrt",
           "get_wsd_schedule(opt, num_warmup_steps=10, num_stable_steps=60, num_decay_steps=30, decay_type='1-sqrt', min_lr_ratio=0.1), 110 steps",
           [1e-3, 5e-4], 110,
           lambda o: S.LambdaLR(o, lambda k: _wsd(k, num_warmup_steps=10, num_stable_steps=60, num_decay_steps=30,
                                                  decay_type="1-sqrt", min_lr_ratio=0.1)))
CASES["hf_wsd_1_sqrt"]["source"] = ("port of HF transformers optimization.py@005edacb _get_wsd_scheduler_lambda "
                                    f"in a real torch {torch.__version__} LambdaLR")


# ---------------- SchedDsl's counter-based noise ----------------
M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(seed, n):
    z = (seed + (n + 1) * GOLDEN) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


# splitmix64.c seeded with 1234567: the published first outputs.
PUBLISHED = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821]
assert [splitmix64(1234567, n) for n in range(5)] == PUBLISHED, [splitmix64(1234567, n) for n in range(5)]


def uniform(seed, n):
    return (splitmix64(seed, n) >> 11) * (1.0 / (1 << 53))


def truncated_noise(seed, step, pct, std, max_rounds=64):
    a = pct / std
    first = step * 2 * max_rounds
    for r in range(max_rounds):
        u1, u2 = uniform(seed, first + 2 * r), uniform(seed, first + 2 * r + 1)
        if a <= 1:
            x = a * (2 * u1 - 1)
            if abs(x) < a and u2 < math.exp(-0.5 * x * x):
                return x * std
        else:
            x = math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)
            if abs(x) < a:
                return x * std
    return 0.0


CASES["splitmix64"] = {"source": "splitmix64.c (Vigna), seed 1234567: published outputs; the transcription above reproduces them",
                       "seed": 1234567, "outputs": [str(v) for v in PUBLISHED]}
for name, seed, pct, std in (("noise_seed42", 42, 0.67, 1.0), ("noise_narrow", 7, 0.1, 1.0), ("noise_wide", 42, 0.5, 0.2)):
    CASES[name] = {"source": "transcription of TruncatedNoise.At (SplitMix64 uniforms, exact truncated normal)",
                   "seed": seed, "pct": pct, "std": std, "noise": [truncated_noise(seed, t, pct, std) for t in range(200)]}

# timm's _add_noise over its cosine, with our generator: noise_range_t=(10, 90), 100 updates.
base = [0.1, 0.01]
vals = []
for t in range(101):
    lrs = timm_get_lr(t, base, t_initial=100, lr_min=1e-4)
    if 10 <= t < 90:
        noise = truncated_noise(42, t, 0.67, 1.0)
        lrs = [v + v * noise for v in lrs]
    vals.append(lrs)
CASES["timm_cosine_noise"] = {
    "source": "float64 port of timm cosine_lr.py@16664ea3 _get_lr + scheduler.py@12d9a6d4 _add_noise, with TruncatedNoise in place of torch.randn",
    "call": "CosineLRScheduler(t_initial=100, lr_min=1e-4, noise_range_t=(10, 90), noise_pct=0.67, noise_seed=42), t = 0..100",
    "T": 100, "value": [[v[g] for v in vals] for g in range(2)]}

out = {"source": "tests/reference/shapes.py: see each case's source", "generator": "tests/reference/shapes.py", "cases": CASES}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shapes.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
print("wrote", path, len(CASES), "cases")
