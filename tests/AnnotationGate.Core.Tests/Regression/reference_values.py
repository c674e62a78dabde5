"""Reference values for the regression statistics tests, computed independently of the C# code.

Exact binomial tails use Python's integer arithmetic (math.comb, fractions); normal quantiles use
statistics.NormalDist. Run with `python3 reference_values.py` (standard library only).
"""
import csv
from collections import Counter, defaultdict
from fractions import Fraction
from math import comb, erfc, sqrt
from pathlib import Path
from statistics import NormalDist


def binom_cdf(k, n, p):
    p = Fraction(p)
    return sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(0, k + 1))


def binom_two_sided(k, n, p):
    """Total probability of the outcomes no more likely than k (R's binom.test definition)."""
    p = Fraction(p)
    pmf = [comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(n + 1)]
    return sum(x for x in pmf if x <= pmf[k])


def mcnemar(b, c):
    n, k = b + c, min(b, c)
    if n == 0:
        return 1.0, 1.0
    tail = Fraction(sum(comb(n, i) for i in range(k + 1)), 2**n)
    point = Fraction(comb(n, k), 2**n)
    return float(min(1, 2 * tail)), float(min(1, 2 * (tail - point / 2)))


def wilson(x, n, z):
    p = x / n
    centre = p + z * z / (2 * n)
    spread = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return (centre - spread) / scale, (centre + spread) / scale


def newcombe(both_right, right_to_wrong, wrong_to_right, both_wrong, level=0.95):
    """Current minus baseline; rows of the table are the baseline, columns the current run."""
    a, b, c, d = both_right, right_to_wrong, wrong_to_right, both_wrong
    n = a + b + c + d
    z = NormalDist().inv_cdf(1 - (1 - level) / 2)
    p_base, p_cur = (a + b) / n, (a + c) / n
    lb, ub = wilson(a + b, n, z)
    lc, uc = wilson(a + c, n, z)
    den = (a + b) * (c + d) * (a + c) * (b + d)
    cross = a * d - b * c
    if den == 0:
        phi = 0.0
    else:
        corrected = cross - n / 2 if cross > n / 2 else min(cross, 0)
        phi = corrected / sqrt(den)
    diff = p_cur - p_base
    lower = diff - sqrt((p_cur - lc) ** 2 - 2 * phi * (p_cur - lc) * (ub - p_base) + (ub - p_base) ** 2)
    upper = diff + sqrt((uc - p_cur) ** 2 - 2 * phi * (uc - p_cur) * (p_base - lb) + (p_base - lb) ** 2)
    return diff, lower, upper


def mde(n, alpha=0.05, power=0.8):
    """Solves n*d = (za + zb*sqrt(1-d))^2 by fixed-point iteration (Connor with psi = d)."""
    za, zb = NormalDist().inv_cdf(1 - alpha / 2), NormalDist().inv_cdf(power)
    d = 0.1
    for _ in range(200):
        d = (za + zb * sqrt(1 - d)) ** 2 / n
    return d


def rte_majority_then_first_worker():
    """Snow et al. RTE crowd labels: majority vote (ties to "1") as baseline, first worker now."""
    here = Path(__file__).resolve()
    folder = next(d / "shared" / "data" for d in [*here.parents, *(p.parent for p in here.parents)]
                  if (d / "shared" / "data").is_dir())
    with open(folder / "crowd" / "snow2008" / "rte.standardized.tsv", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    votes, gold = defaultdict(list), {}
    for row in rows:
        votes[row[2]].append(row[3])
        gold[row[2]] = row[4]
    right_to_wrong = wrong_to_right = 0
    for item, label in gold.items():
        counts = Counter(votes[item])
        majority = "1" if counts["1"] >= counts["0"] else "0"
        before, now = majority == label, votes[item][0] == label
        right_to_wrong += before and not now
        wrong_to_right += now and not before
    return len(gold), right_to_wrong, wrong_to_right, mcnemar(right_to_wrong, wrong_to_right)[0]


if __name__ == "__main__":
    for n, k, p in [(20, 5, "1/2"), (10, 0, "1/2"), (30, 4, "3/10"), (1000, 450, "1/2"), (10000, 4800, "1/2")]:
        print(f"binom cdf n={n} k={k} p={p}: {float(binom_cdf(k, n, Fraction(p))):.17g}")
    print(f"binom two-sided n=30 k=4 p=3/10: {float(binom_two_sided(4, 30, Fraction(3, 10))):.17g}")
    for b, c in [(1, 0), (10, 0), (7, 2), (15, 5), (3, 3)]:
        print(f"mcnemar b={b} c={c}: exact={mcnemar(b, c)[0]:.17g} mid={mcnemar(b, c)[1]:.17g}")
    for table in [(14, 0, 5, 22), (35, 10, 0, 5), (40, 3, 6, 1)]:
        print(f"newcombe {table}: " + " ".join(f"{v:.15g}" for v in newcombe(*table)))
    for n in [50, 120, 1000]:
        print(f"mde n={n}: {mde(n):.15g}")
    for x in [0.5, 1.4, 1.6, 2, 2.9, 3, 5, 8, 20, 30]:
        print(f"normal upper tail {x}: {0.5 * erfc(x / sqrt(2)):.17g}")
    print(f"z 0.975={NormalDist().inv_cdf(0.975):.17g} z 0.8={NormalDist().inv_cdf(0.8):.17g}")
    print("rte items, right to wrong, wrong to right, exact p:", *rte_majority_then_first_worker())
