"""Record real torch.optim.lr_scheduler outputs for SchedDsl tests.

Run: /usr/bin/python3 tests/reference/torch_schedulers.py  (Debian python3-torch 1.13)
Writes torch_schedulers.json next to this file.

Protocol for every case: build an optimizer with 2 or 3 param groups (one dummy
zero-grad parameter each), build the scheduler, then for k = 0..n_steps-1:
  record param_groups[g]['lr'] (and 'momentum' / 'betas'[0] when cycled),
  optimizer.step(); scheduler.step()
So value k is what the optimizer uses for its k-th step; k=0 is the state right
after scheduler construction. 'lr_after_last_step' is the state after the final
scheduler.step().
"""
import json, math, os, warnings
import torch
from torch.optim import SGD, Adam
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
torch.manual_seed(0)
LRS3 = [0.1, 0.01, 0.001]  # base lrs used for schedulers that scale per group


def make_opt(lrs, momentum=None, adam=False):
    groups = []
    for lr in lrs:
        p = torch.nn.Parameter(torch.zeros(1))
        p.grad = torch.zeros(1)
        groups.append({"params": [p], "lr": lr})
    if adam:
        return Adam(groups, lr=lrs[0], betas=(0.9, 0.999))
    return SGD(groups, lr=lrs[0], momentum=momentum or 0.0)


def run(name, call, lrs, n_steps, build, momentum=None, adam=False, record_mom=False, extra=None):
    opt = make_opt(lrs, momentum, adam)
    sched = build(opt)
    G = len(opt.param_groups)
    lr, mom = [[] for _ in range(G)], [[] for _ in range(G)]
    for _ in range(n_steps):
        for g, pg in enumerate(opt.param_groups):
            lr[g].append(pg["lr"])
            if record_mom:
                mom[g].append(pg["betas"][0] if adam else pg["momentum"])
        opt.step()
        sched.step()
    case = {
        "scheduler": type(sched).__name__, "call": call,
        "optimizer": {"type": "Adam" if adam else "SGD", "group_lrs_before_scheduler": lrs,
                      "momentum": momentum, "betas": [0.9, 0.999] if adam else None},
        "n_groups": G, "n_steps": n_steps, "steps": list(range(n_steps)),
        "lr": lr, "lr_after_last_step": [pg["lr"] for pg in opt.param_groups],
    }
    if record_mom:
        case["momentum_key"] = "betas[0]" if adam else "momentum"
        case["momentum"] = mom
    if extra:
        case.update(extra)
    CASES[name] = case
    return case


CASES = {}
oc_args = dict(max_lr=[0.01, 0.001], total_steps=100, pct_start=0.25, anneal_strategy="cos",
               div_factor=25.0, final_div_factor=1e4, cycle_momentum=True,
               base_momentum=0.85, max_momentum=0.95)
for nm, three, adam in [("onecycle_cos", False, False), ("onecycle_cos_three_phase", True, False),
                        ("onecycle_cos_adam_beta1", False, True)]:
    a = dict(oc_args, three_phase=three)
    run(nm, f"OneCycleLR(opt, **args)", [0.01, 0.001], 100,
        lambda o, a=a: S.OneCycleLR(o, **a), momentum=0.9, adam=adam, record_mom=True,
        extra={"args": a, "derived": {"initial_lr": [m / 25.0 for m in a["max_lr"]],
                                      "min_lr": [m / 25.0 / 1e4 for m in a["max_lr"]]}})

for mode in ["triangular", "triangular2", "exp_range"]:
    a = dict(base_lr=[1e-3, 1e-4], max_lr=[6e-3, 6e-4], step_size_up=10, step_size_down=None,
             mode=mode, gamma=0.99 if mode == "exp_range" else 1.0, cycle_momentum=True,
             base_momentum=0.8, max_momentum=0.9)
    run(f"cyclic_{mode}", "CyclicLR(opt, **args)", [1e-3, 1e-4], 60,
        lambda o, a=a: S.CyclicLR(o, **a), momentum=0.9, record_mom=True, extra={"args": a})

a = dict(T_0=10, T_mult=2, eta_min=0)
run("cosine_warm_restarts", "CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=0)", LRS3, 70,
    lambda o: S.CosineAnnealingWarmRestarts(o, **a), extra={"args": a})

a = dict(T_max=50, eta_min=1e-5)
c = run("cosine_annealing", "CosineAnnealingLR(opt, T_max=50, eta_min=1e-5)", LRS3, 50,
        lambda o: S.CosineAnnealingLR(o, **a), extra={"args": a})
closed = [[1e-5 + (b - 1e-5) * (1 + math.cos(math.pi * t / 50)) / 2 for t in range(50)] for b in LRS3]
c["note"] = ("torch 1.13 CosineAnnealingLR.step() uses the recursive (chainable) form; "
             "closed form eta_min+(base-eta_min)*(1+cos(pi*t/T_max))/2 differs by at most "
             "closed_form_max_abs_diff")
c["closed_form_max_abs_diff"] = max(abs(x - y) for g in range(3) for x, y in zip(c["lr"][g], closed[g]))

a = dict(step_size=10, gamma=0.5)
run("step", "StepLR(opt, step_size=10, gamma=0.5)", LRS3, 40, lambda o: S.StepLR(o, **a), extra={"args": a})
a = dict(milestones=[10, 25, 35], gamma=0.1)
run("multistep", "MultiStepLR(opt, milestones=[10,25,35], gamma=0.1)", LRS3, 40,
    lambda o: S.MultiStepLR(o, **a), extra={"args": a})
a = dict(total_iters=50, power=2.0)
run("polynomial", "PolynomialLR(opt, total_iters=50, power=2.0)", LRS3, 60,
    lambda o: S.PolynomialLR(o, **a), extra={"args": a})
a = dict(gamma=0.95)
run("exponential", "ExponentialLR(opt, gamma=0.95)", LRS3, 30, lambda o: S.ExponentialLR(o, **a),
    extra={"args": a})
a = dict(start_factor=0.1, end_factor=1.0, total_iters=10)
run("linear", "LinearLR(opt, start_factor=0.1, end_factor=1.0, total_iters=10)", LRS3, 20,
    lambda o: S.LinearLR(o, **a), extra={"args": a})


def seq(o):
    s1 = S.LinearLR(o, start_factor=0.1, total_iters=10)
    s2 = S.CosineAnnealingLR(o, T_max=90)
    return S.SequentialLR(o, schedulers=[s1, s2], milestones=[10])


run("sequential_linear_cosine",
    "SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=10), "
    "CosineAnnealingLR(opt, T_max=90)], milestones=[10]) (both sub-schedulers built on opt in that order)",
    LRS3, 100, seq, extra={"args": {"linear": {"start_factor": 0.1, "total_iters": 10},
                                    "cosine": {"T_max": 90, "eta_min": 0}, "milestones": [10]}})

WARMUP = 10
run("lambda_inverse_sqrt", "LambdaLR(opt, lambda s: min((s+1)**-0.5, (s+1)*warmup**-1.5)), warmup=10",
    LRS3, 50, lambda o: S.LambdaLR(o, lambda s: min((s + 1) ** -0.5, (s + 1) * WARMUP ** -1.5)),
    extra={"args": {"warmup": WARMUP},
           "factor": [min((s + 1) ** -0.5, (s + 1) * WARMUP ** -1.5) for s in range(50)]})

out = {
    "source": f"PyTorch {torch.__version__} (Debian python3-torch), torch.optim.lr_scheduler.* as named in "
              "each case's 'call'; values are optimizer.param_groups[g]['lr'] (and 'momentum' or 'betas'[0]) "
              "read before each optimizer.step(); scheduler.step() pair",
    "generator": "tests/reference/torch_schedulers.py",
    "torch_version": torch.__version__,
    "layout": "cases[name].lr[g][k] = lr of param group g before the k-th optimizer.step(); k = steps[k]",
    "cases": CASES,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_schedulers.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
print("wrote", path, len(CASES), "cases")
