"""The learned second opinions' one model: a conditional logit (the candidates of one case
compete in a softmax over linear scores), trained by stochastic gradient ascent. Pure Python,
deterministic, small: a few hundred named weights in a JSON file under ``rules/``.

Used by the title chooser (``title_choice``) and the unit-type chooser (``classify``); each
is learned from the tune half of the real-page corpus by ``tests/check_real.py``.
"""
from __future__ import annotations

import math
import random


def score(weights: dict[str, float], features: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def overrule(weights: dict[str, float], candidates: list[dict[str, float]], current: int, margin: float) -> int | None:
    """The best-scoring candidate (the first of equals) when it beats the ``current`` one
    (the rules' choice) by more than ``margin`` in log-odds; else None: the rules stand."""
    sc = [score(weights, f) for f in candidates]
    top = max(range(len(sc)), key=lambda j: (sc[j], -j))
    return top if top != current and sc[top] - sc[current] > margin else None


def train(samples: list[tuple[list[dict[str, float]], list[bool]]], epochs: int = 30, rate: float = 0.1,
          l2: float = 1e-3, seed: int = 0) -> dict[str, float]:
    """Weights of the conditional logit by stochastic gradient ascent: each sample is one
    report's candidates' features and which of them are right (the target spreads evenly
    over the right ones). Deterministic: a fixed seed, samples in the order given."""
    weights: dict[str, float] = {}
    order = list(range(len(samples)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for k in order:
            feats, right = samples[k]
            if not any(right):
                continue
            sc = [sum(weights.get(a, 0.0) * v for a, v in x.items()) for x in feats]
            top = max(sc)
            ex = [math.exp(s - top) for s in sc]
            total = sum(ex)
            n_right = sum(right)
            for x, e, ok in zip(feats, ex, right):
                g = (ok / n_right) - e / total
                if g:
                    for a, v in x.items():
                        weights[a] = weights.get(a, 0.0) + rate * g * v
        for a in weights:
            weights[a] *= 1 - rate * l2
    return {a: round(w, 4) for a, w in sorted(weights.items()) if round(w, 4)}
