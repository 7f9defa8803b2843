"""Record real torch.optim.lr_scheduler.ReduceLROnPlateau outputs for SchedDsl's plateau rule.

Run: /usr/bin/python3 tests/reference/torch_plateau.py  (Debian python3-torch 1.13)
Writes torch_plateau.json next to this file.

Protocol for every case: an SGD optimizer with one param group at base_lr, the scheduler
built with the case's arguments, then for each metric m_k: scheduler.step(m_k) and record
param_groups[0]['lr']. So lrs[k] is the learning rate after k+1 observed metrics; the lr
before any metric is base_lr.
"""
import json, os
import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import ReduceLROnPlateau


def run(name, base_lr, metrics, **kwargs):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = SGD([p], lr=base_lr)
    sched = ReduceLROnPlateau(opt, **kwargs)
    lrs = []
    for m in metrics:
        sched.step(m)
        lrs.append(opt.param_groups[0]["lr"])
    return {"name": name, "base_lr": base_lr, "kwargs": kwargs, "metrics": metrics, "lrs": lrs}


never = [1.0] * 60
rising = [0.5 + 0.01 * k for k in range(40)]
mixed = [1.0, 0.9, 0.95, 0.9, 0.89999, 0.8, 0.8, 0.81, 0.7, 0.7, 0.7, 0.7, 0.69, 0.69, 0.69, 0.69, 0.69, 0.5, 0.6, 0.6, 0.6, 0.6]
accuracy = [0.1, 0.2, 0.2, 0.25, 0.25, 0.25, 0.3, 0.3, 0.3, 0.3, 0.31, 0.31, 0.31, 0.31, 0.31]
cases = [
    run("defaults_never_improving", 0.1, never),
    run("factor_half_patience_2_cooldown_1_min_lr", 0.1, never, factor=0.5, patience=2, cooldown=1, min_lr=1e-3),
    run("rising_loss_patience_0", 1.0, rising, factor=0.3, patience=0),
    run("eps_stops_reductions", 1e-7, never[:30], factor=0.5, patience=0, eps=1e-8),
    run("mixed_rel_threshold", 0.01, mixed, factor=0.2, patience=1, threshold=0.05),
    run("mixed_abs_threshold_cooldown", 0.01, mixed, factor=0.2, patience=1, threshold=0.01, threshold_mode="abs", cooldown=2),
    run("accuracy_max_abs", 0.05, accuracy, mode="max", factor=0.5, patience=1, threshold=0.02, threshold_mode="abs"),
]
out = {"source": "torch %s ReduceLROnPlateau, tests/reference/torch_plateau.py" % torch.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_plateau.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote %d cases" % len(cases))
