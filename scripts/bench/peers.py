"""Native peers of the benchmark (scripts/bench.mjs): seconds per call, best of --repeat.

Prints one JSON object {key: seconds or null}; a library that cannot be imported gives null.
Each call seeds a fresh generator with 17 and draws n values, as the JS side does.
"""

import argparse
import json
import timeit

CASES = {
    "numpy_legacy_randn": ("numpy", "import numpy as np", "np.random.RandomState(17).randn({n})"),
    "numpy_legacy_rand": ("numpy", "import numpy as np", "np.random.RandomState(17).rand({n})"),
    "numpy_generator_standard_normal": (
        "numpy",
        "import numpy as np",
        "np.random.default_rng(17).standard_normal({n})",
    ),
    "numpy_generator_random": ("numpy", "import numpy as np", "np.random.default_rng(17).random({n})"),
    "torch_randn": (
        "torch",
        "import torch; g = torch.Generator()",
        "g.manual_seed(17); torch.randn({n}, generator=g)",
    ),
    "torch_rand": (
        "torch",
        "import torch; g = torch.Generator()",
        "g.manual_seed(17); torch.rand({n}, generator=g)",
    ),
    "cpython_gauss": (
        "random",
        "import random",
        "r = random.Random(17); [r.gauss(0, 1) for _ in range({n})]",
    ),
}


def versions():
    import platform

    out = {"python": platform.python_version()}
    for name in ("numpy", "torch"):
        try:
            module = __import__(name)
            out[name] = module.__version__
        except ImportError:
            pass
    try:
        import torch

        out["torch_cpu_capability"] = torch.backends.cpu.get_cpu_capability()
    except (ImportError, AttributeError):
        pass
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    times = {}
    for key, (module, setup, stmt) in CASES.items():
        try:
            __import__(module)
        except ImportError:
            times[key] = None
            continue
        stmt = stmt.format(n=args.n)
        timeit.timeit(stmt, setup=setup, number=1)  # warm-up
        times[key] = min(timeit.repeat(stmt, setup=setup, number=1, repeat=args.repeat))
    print(json.dumps({"times": times, "versions": versions()}))


if __name__ == "__main__":
    main()
