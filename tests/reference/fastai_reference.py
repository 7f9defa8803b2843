"""Faithful port of fastai v2 fastai/callback/schedule.py pieces (+ fastcore even_mults), run on torch.

Run: /usr/bin/python3 tests/reference/fastai_reference.py  (Debian python3-torch 1.13, numpy)
Writes fastai_reference.json next to this file. fastai itself is NOT installed; the code below
copies fastai/fastai fastai/callback/schedule.py (commit 0a049e8a90b86d70860f68072698245a1ee787ca,
the version with the lr_find NaN cut) and fastai/fastcore fastcore/basics.py even_mults
(commit 00534f39a0dc656155753e4108d552c18c29d0be). `tensor(list)` = torch.tensor -> float32,
exactly as fastai.torch_core.tensor does for lists of Python floats.
Non-finite numbers are written as the strings "NaN"/"Infinity"/"-Infinity".
"""
import json, math, os
import numpy as np
import torch

tensor = torch.tensor
def to_np(x): return x.detach().cpu().numpy()

# ---------------- fastai/callback/schedule.py (verbatim logic) ----------------
def sched_lin(start, end, pos): return start + pos*(end-start)
def sched_cos(start, end, pos): return start + (1 + math.cos(math.pi*(1-pos))) * (end-start) / 2
def sched_no (start, end, pos): return start
def sched_exp(start, end, pos): return start * (end/start) ** pos
class _Annealer:
    def __init__(self, f, start, end): self.f, self.start, self.end = f, start, end
    def __call__(self, pos): return self.f(self.start, self.end, pos)
def SchedLin(start, end): return _Annealer(sched_lin, start, end)
def SchedCos(start, end): return _Annealer(sched_cos, start, end)
def SchedNo (start, end): return _Annealer(sched_no,  start, end)
def SchedExp(start, end): return _Annealer(sched_exp, start, end)
def SchedPoly(start, end, power):
    def _inner(pos): return start + (end - start) * pos ** power
    return _inner

def combine_scheds(pcts, scheds):
    assert sum(pcts) == 1.
    pcts = tensor([0] + list(pcts))          # float32 tensor, as in fastai
    assert torch.all(pcts >= 0)
    pcts = torch.cumsum(pcts, 0)
    pct_lim = len(pcts) - 2
    def _inner(pos):
        idx = min((pos >= pcts).nonzero().max(), pct_lim)
        actual_pos = (pos-pcts[idx]) / (pcts[idx+1]-pcts[idx])
        return scheds[idx](actual_pos.item())
    return _inner

def combine_scheds_f64(pcts, scheds):
    "Same algorithm in pure float64 (NOT fastai) - shows the float32 join sensitivity"
    cum = [0.0]
    for p in pcts: cum.append(cum[-1] + p)
    def _inner(pos):
        idx = min(max(i for i, c in enumerate(cum) if pos >= c), len(cum) - 2)
        return scheds[idx]((pos - cum[idx]) / (cum[idx+1] - cum[idx]))
    return _inner

def combined_cos(pct, start, middle, end, comb=combine_scheds):
    return comb([pct,1-pct], [SchedCos(start, middle), SchedCos(middle, end)])

def even_mults(start, stop, n):  # fastcore/basics.py
    if n==1: return stop
    mult = stop/start
    step = mult**(1/(n-1))
    return [start*(step**i) for i in range(n)]

def valley(lrs, losses, num_it):
    n = len(losses)
    max_start, max_end = 0,0
    lds = [1]*n
    for i in range(1,n):
        for j in range(0,i):
            if (losses[i] < losses[j]) and (lds[i] < lds[j] + 1):
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end = i
                max_start = max_end - lds[max_end]
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections/2)
    return float(lrs[idx]), (float(lrs[idx]), losses[idx])

def slide(lrs, losses, num_it, lr_diff=15, thresh=.005, adjust_value=1.):
    losses = to_np(losses)
    loss_grad = np.gradient(losses)
    r_idx = -1
    l_idx = r_idx - lr_diff
    local_min_lr = lrs[l_idx]
    while (l_idx >= -len(losses)) and (abs(loss_grad[r_idx] - loss_grad[l_idx]) > thresh):
        local_min_lr = lrs[l_idx]
        r_idx -= 1
        l_idx -= 1
    suggestion = float(local_min_lr) * adjust_value
    idx = np.interp(np.log10(suggestion), np.log10(lrs), losses)
    return suggestion, (suggestion, idx)

def minimum(lrs, losses, num_it):
    lr_min = lrs[losses.argmin()].item()
    loss_idx = losses[min(range(len(lrs)), key=lambda i: abs(lrs[i]-lr_min))]
    return lr_min/10, (lr_min, loss_idx)

def steep(lrs, losses, num_it):
    grads = (losses[1:]-losses[:-1]) / (lrs[1:].log()-lrs[:-1].log())
    lr_steep = lrs[grads.argmin()].item()
    loss_idx = losses[min(range(len(lrs)), key=lambda i: abs(lrs[i]-lr_steep))]
    return lr_steep, (lr_steep, loss_idx)

def lr_find_trim(rec_lrs, rec_losses, num_it, dtype):
    "Learner.lr_find's preprocessing before calling the suggestion functions"
    lrs = tensor(rec_lrs[num_it//10:-5], dtype=dtype); losses = tensor(rec_losses[num_it//10:-5], dtype=dtype)
    nan_idxs = torch.nonzero(torch.isnan(losses.view(-1)))
    if len(nan_idxs) > 0:
        drop_idx = min(nan_idxs)
        lrs = lrs[:drop_idx]; losses = losses[:drop_idx]
    return lrs, losses

# ---------------- JSON helpers ----------------
def num(x):
    x = float(x)
    return x if math.isfinite(x) else ("NaN" if x != x else ("Infinity" if x > 0 else "-Infinity"))
def nums(xs): return [num(x) for x in xs]
def f32(x): return float(np.float32(x))

def suggest(lrs, losses, num_it):
    res = {}
    for fn in (valley, slide, minimum, steep):
        try:
            lr, (px, py) = fn(lrs, losses, num_it)
            res[fn.__name__] = {"lr": num(lr), "point": [num(px), num(py)]}
        except Exception as e:  # record fastai's own failure mode (e.g. too-short curve)
            res[fn.__name__] = {"error": f"{type(e).__name__}: {e}"}
    return res

# ---------------- numbers ----------------
grid = [i/20 for i in range(21)]
scheds = {"SchedLin(0,2)": SchedLin(0, 2), "SchedCos(0,2)": SchedCos(0, 2), "SchedNo(0,2)": SchedNo(0, 2),
          "SchedExp(1,2)": SchedExp(1, 2), "SchedPoly(0,2,2)": SchedPoly(0, 2, 2),
          "SchedLin(2,1e-2)": SchedLin(2, 1e-2), "SchedCos(2,1e-2)": SchedCos(2, 1e-2),
          "SchedExp(2,1e-2)": SchedExp(2, 1e-2), "SchedPoly(2,1e-2,0.5)": SchedPoly(2, 1e-2, 0.5)}
out_sched = {k: {"positions": grid, "values": [f(p) for p in grid]} for k, f in scheds.items()}

def comb_case(desc, make, positions):
    f32v, f64v = make(combine_scheds), make(combine_scheds_f64)
    a, b = [f32v(p) for p in positions], [f64v(p) for p in positions]
    return {"call": desc, "positions": positions, "values": a, "values_pure_f64": b,
            "max_abs_diff_vs_pure_f64": max(abs(x - y) for x, y in zip(a, b))}

pos_join = sorted(set(grid + [0.3, 0.5, 0.29999999, 0.30000001, 0.7, 1.0]))
combined = {
    "combine_cos_cos": comb_case("combine_scheds([0.3,0.7], [SchedCos(0.3,0.6), SchedCos(0.6,0.2)])",
        lambda c: c([0.3, 0.7], [SchedCos(0.3, 0.6), SchedCos(0.6, 0.2)]), pos_join),
    "combine_lin_no_cos": comb_case("combine_scheds([0.3,0.2,0.5], [SchedLin(0.,1.), SchedNo(1.,1.), SchedCos(1.,0.)])",
        lambda c: c([0.3, 0.2, 0.5], [SchedLin(0., 1.), SchedNo(1., 1.), SchedCos(1., 0.)]), pos_join),
    "combined_cos_0.25_0.5_1_0": comb_case("combined_cos(0.25, 0.5, 1., 0.)",
        lambda c: combined_cos(0.25, 0.5, 1., 0., c), sorted(set(grid + [0.25]))),
}
p20 = [i/20 for i in range(20)]
one_cycle = {
    "lr": comb_case("combined_cos(0.25, 1e-2/25, 1e-2, 1e-7) at i/20, i<20 (fit_one_cycle(2), 10 batches/epoch)",
                    lambda c: combined_cos(0.25, 1e-2/25, 1e-2, 1e-7, c), p20),
    "mom": comb_case("combined_cos(0.25, 0.95, 0.85, 0.95) at i/20, i<20",
                     lambda c: combined_cos(0.25, 0.95, 0.85, 0.95, c), p20),
}
lr = 1e-2
flat_cos = comb_case("combined_cos(0.75, lr, lr, lr/1e5), lr=1e-2 (fit_flat_cos default div_final=1e5)",
                     lambda c: combined_cos(0.75, lr, lr, lr/1e5, c), p20)
n_cycles, cycle_len, cycle_mult = 3, 1, 2
n_epoch = cycle_len * (cycle_mult**n_cycles-1)//(cycle_mult-1)
pcts = [cycle_len * cycle_mult**i / n_epoch for i in range(n_cycles)]
sgdr = comb_case("fit_sgdr(3, 1, lr_max=1e-2, cycle_mult=2): combine_scheds(pcts, [SchedCos(1e-2, 0)]*3) at i/35",
                 lambda c: c(pcts, [SchedCos(1e-2, 0) for _ in range(n_cycles)]), [i/35 for i in range(35)])
sgdr.update({"n_epoch": n_epoch, "pcts": pcts, "batches_per_epoch": 5, "lr_max": 1e-2})
lr_find_lrs = [SchedExp(1e-7, 10)(i/100) for i in range(100)]
em = {f"{a},{b},{n}": {"start": a, "stop": b, "n": n, "value": even_mults(a, b, n)}
      for a, b, n in [(0.01, 0.03, 3), (0.01, 0.03, 10), (1e-5, 1e-3, 1), (1e-5, 1e-3, 2)]}

# ---------------- LR-finder curves ----------------
rng = np.random.default_rng(20240607)
x = np.log10(np.array(lr_find_lrs))
sig = lambda z: 1/(1+np.exp(-z))
raw = {
    "noisy_u": 2.3 - 1.8*sig(2.5*(x+3.5)) + 0.6*np.exp(1.8*(x+1.2)) + rng.normal(0, 0.02, 100),
    "diverges_early": 2.3 - 0.8*sig(3*(x+5)) + 0.05*np.exp(4.0*(x+4)) + rng.normal(0, 0.01, 100),
    "monotone_decreasing": 2.5 - 2.0*sig(1.5*(x+3)),
    "nan_tail": 2.3 - 1.8*sig(2.5*(x+3.5)) + 0.05*np.exp(1.0*(x+1.2)) + rng.normal(0, 0.02, 100),
    "stops_too_early": 2.3 - 0.5*sig(3*(x+6)) + 0.05*np.exp(5.0*(x+5.95)),
}
raw["nan_tail"][80:] = np.nan
curves = {}
for name, l in raw.items():
    rec_lrs, rec_losses, best = [], [], float("inf")
    for i in range(100):  # LRFinder.after_batch with stop_div=True; curve value plays smooth_loss
        rec_lrs.append(lr_find_lrs[i]); rec_losses.append(f32(l[i]))
        if rec_losses[-1] < best: best = rec_losses[-1]
        if rec_losses[-1] > 4*best or i + 1 >= 100: break
    c = {"n_recorded": len(rec_lrs), "lrs": rec_lrs, "losses": nums(rec_losses), "num_it": 100}
    for tag, dt in (("float32", torch.float32), ("float64", torch.float64)):
        c[f"raw_suggestions_{tag}"] = suggest(tensor(rec_lrs, dtype=dt), tensor(rec_losses, dtype=dt), 100)
        tl, tloss = lr_find_trim(rec_lrs, rec_losses, 100, dt)
        c[f"lr_find_suggestions_{tag}"] = suggest(tl, tloss, 100)
    c["lr_find_trimmed_range"] = [100//10, 100//10 + len(tl)]  # [start, stop) into lrs/losses
    curves[name] = c

checks = {
    "SchedCos(0,2) @[0,.25,.5,.75,1] ~ [0,0.29289,1,1.70711,2]": [SchedCos(0, 2)(p) for p in [0, .25, .5, .75, 1]],
    "SchedExp(1,2) ~ [1,1.18921,1.41421,1.68179,2]": [SchedExp(1, 2)(p) for p in [0, .25, .5, .75, 1]],
    "SchedPoly(0,2,2) ~ [0,0.125,0.5,1.125,2]": [SchedPoly(0, 2, 2)(p) for p in [0, .25, .5, .75, 1]],
    "even_mults(0.01,0.03,3) ~ [0.01,0.017321,0.03]": even_mults(0.01, 0.03, 3),
}
assert np.allclose(checks["SchedCos(0,2) @[0,.25,.5,.75,1] ~ [0,0.29289,1,1.70711,2]"], [0, 0.29289, 1, 1.70711, 2], atol=1e-5)
assert np.allclose(checks["SchedExp(1,2) ~ [1,1.18921,1.41421,1.68179,2]"], [1, 1.18921, 1.41421, 1.68179, 2], atol=1e-5)
assert np.allclose(checks["SchedPoly(0,2,2) ~ [0,0.125,0.5,1.125,2]"], [0, .125, .5, 1.125, 2])
assert np.allclose(checks["even_mults(0.01,0.03,3) ~ [0.01,0.017321,0.03]"], [0.01, 0.017321, 0.03], atol=1e-6)

out = {
    "source": (f"Python port of fastai/fastai fastai/callback/schedule.py (commit 0a049e8a90b86d70860f68072698245a1ee787ca) "
               f"and fastai/fastcore fastcore/basics.py even_mults (commit 00534f39a0dc656155753e4108d552c18c29d0be), "
               f"run on PyTorch {torch.__version__} / numpy {np.__version__}; fastai not installed"),
    "generator": "tests/reference/fastai_reference.py",
    "dtype_note": ("combine_scheds keeps pcts in a float32 tensor (fastai's tensor()), so join comparison and actual_pos "
                   "are float32; 'values' are faithful, 'values_pure_f64' is the same algorithm in float64. "
                   "LR-finder curves: losses stored as float32-exact values; lrs are float64 as the Recorder holds them; "
                   "*_float32 suggestions use torch.float32 tensors like fastai, *_float64 use float64 tensors."),
    "seed_checks": checks, "scheds": out_sched, "combine": combined, "one_cycle": one_cycle,
    "flat_cos": flat_cos, "sgdr": sgdr, "lr_find_schedule": {"call": "SchedExp(1e-7, 10)(i/100), i<100",
        "positions": [i/100 for i in range(100)], "values": lr_find_lrs},
    "even_mults": em, "lr_find_curves": curves,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fastai_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
print("wrote", path)
