#!/usr/bin/env python3
"""PyTorch baseline for `LowRankSparse.Cli bench --compare-pytorch` (run only by the benchmark).

The same one-layer transformer as src/LowRankSparse/Model/Network.cs (docs/paper-notes.md §2):
    F(X) = mean_l a^T ReLU(W_O sum_s W_V x_s softmax_s(x_s^T W_K^T W_Q x_l)),  a = +-1/sqrt(m) fixed,
hinge loss max(0, 1 - y F(X)) averaged over the batch, plain SGD (torch.optim.SGD, no momentum), an nn.Module,
the same data shapes and the same loop as the library: a precomputed batch schedule, the loss and batch accuracy logged
into tensors every step (no host sync), and a copy of all weights every `snapshot_every` steps.
The data are random tokens of the right shapes: the timing does not depend on their values.
Prints one JSON object: the median milliseconds per step over `repeats` training runs.
"""
import argparse
import json
import math
import statistics
import time

import torch
from torch import nn


class OneLayerTransformer(nn.Module):
    def __init__(self, dim, neurons, qk_scale=0.5, out_std=0.01):
        super().__init__()
        self.w_q = nn.Parameter(qk_scale * torch.eye(dim))
        self.w_k = nn.Parameter(qk_scale * torch.eye(dim))
        self.w_v = nn.Parameter(torch.eye(dim))
        self.w_o = nn.Parameter(out_std * torch.randn(neurons, dim))
        a = torch.full((neurons,), 1 / math.sqrt(neurons))
        a[neurons // 2:] *= -1
        self.register_buffer("a", a)

    def forward(self, x):                                    # x [B, L, d] -> F(X) [B]
        q = x @ self.w_q.T
        k = x @ self.w_k.T
        v = x @ self.w_v.T
        attention = (q @ k.transpose(-1, -2)).softmax(-1)   # [B, l, s], softmax over keys s
        hidden = torch.relu((attention @ v) @ self.w_o.T)    # [B, L, m]
        return (hidden @ self.a).mean(-1)


def hinge(output, y):
    return torch.relu(1 - y * output).mean()


def train(args, seed):
    torch.manual_seed(seed)
    n, b = args.samples, args.batch
    x = torch.randn(n, args.tokens, args.dim)
    y = torch.randint(0, 2, (n,)).float() * 2 - 1
    model = OneLayerTransformer(args.dim, args.neurons)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    schedule = torch.cat([torch.randperm(n) for _ in range(args.steps * b // n + 1)])[: args.steps * b].view(args.steps, b)
    loss_log = torch.zeros(args.steps)
    accuracy_log = torch.zeros(args.steps)
    snapshots = []
    start = time.perf_counter()
    for step in range(args.steps):
        index = schedule[step]
        xb, yb = x[index], y[index]
        output = model(xb)
        loss = hinge(output, yb)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            loss_log[step] = loss
            accuracy_log[step] = (output * yb > 0).float().mean()
        if args.snapshot_every > 0 and (step + 1) % args.snapshot_every == 0:
            snapshots.append([p.detach().clone() for p in model.parameters()])
    return (time.perf_counter() - start) * 1000 / args.steps


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dim", type=int, default=16)
    p.add_argument("--tokens", type=int, default=20)
    p.add_argument("--neurons", type=int, default=128)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--samples", type=int, default=4000)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--lr", type=float, default=0.5)
    p.add_argument("--snapshot-every", type=int, default=50)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    train(args, seed=0)                                      # warm-up
    times = [train(args, seed=r) for r in range(args.repeats)]
    print(json.dumps({"ms_per_step": statistics.median(times), "runs_ms_per_step": times,
                      "threads": torch.get_num_threads(), "torch_version": torch.__version__}))


if __name__ == "__main__":
    main()
