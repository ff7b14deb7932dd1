"""Makes NegMAS importable from a source checkout for bench/negmas.ts (treatylab's own code, MIT).

NegMAS is not installed: its source tree is put on sys.path, and the few third-party modules its
package imports at load time but that the measured functions never call (and that Debian does not
package) are replaced by stubs. A stub raises as soon as anything in it is called, so a stub on the
measured path would make the benchmark fail instead of measuring something else.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
import types

#: Modules that may be stubbed, with what NegMAS uses them for (none of it is on the measured path:
#: loading a GENIUS folder, pareto_frontier, MOBANOSParetoSampler, minmax, nash_points).
STUBBABLE = {
    "stringcase": "class-name case conversion when deserialising configurations (negmas.helpers)",
    "plotly": "plots (negmas.plots)",
    "kaleido": "static image export of plots",
    "gif": "animated plots",
    "py4j": "the Java bridge to GENIUS agents",
    "pyarrow": "parquet files of tournament results",
    "pebble": "process pools of tournaments",
}

#: Debian packages for the modules the measured path needs (for the message when one is missing).
DEBIAN = {
    "numpy": "python3-numpy",
    "attr": "python3-attr",
    "attrs": "python3-attr",
    "cloudpickle": "python3-cloudpickle",
    "colorlog": "python3-colorlog",
    "inflect": "python3-inflect",
    "rich": "python3-rich",
    "typing_extensions": "python3-typing-extensions",
    "yaml": "python3-yaml",
    "scipy": "python3-scipy",
    "pandas": "python3-pandas",
    "matplotlib": "python3-matplotlib",
    "networkx": "python3-networkx",
    "psutil": "python3-psutil",
    "tabulate": "python3-tabulate",
    "click": "python3-click",
    "dill": "python3-dill",
    "PIL": "python3-pil",
}


class StubCalled(RuntimeError):
    """A stubbed module was used: the stub is on the measured path, so the measurement is void."""


class _Stub:
    """Any attribute of a stubbed module: more stubs on access, an error when called."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> "_Stub":
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Stub(f"{self._name}.{attr}")

    def __call__(self, *args: object, **kwargs: object) -> None:
        raise StubCalled(f"{self._name} was called, but its module is a stub of bench/negmas (not installed)")

    def __getitem__(self, key: object) -> "_Stub":
        return self


class _StubModule(types.ModuleType):
    def __getattr__(self, attr: str) -> _Stub:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Stub(f"{self.__name__}.{attr}")


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Last on sys.meta_path: answers only for the missing modules of STUBBABLE (and their submodules)."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, name, path, target=None):  # noqa: ANN001 (importlib's signature)
        if name.split(".")[0] not in self.names:
            return None
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):  # noqa: ANN001
        return _StubModule(spec.name)

    def exec_module(self, module):  # noqa: ANN001
        module.__path__ = []


def source_root(checkout: str) -> str:
    """The folder holding the `negmas` package in a checkout (`src/` in current layouts)."""
    for root in (os.path.join(checkout, "src"), checkout):
        if os.path.isfile(os.path.join(root, "negmas", "__init__.py")):
            return root
    raise FileNotFoundError(f"{checkout}: not a NegMAS checkout (no negmas/__init__.py in it or in its src/)")


def version_of(checkout: str) -> str:
    """NegMAS's version from the checkout's pyproject.toml, with the git commit when it is a git work tree."""
    version = "unknown version"
    try:
        with open(os.path.join(checkout, "pyproject.toml"), encoding="utf8") as f:
            m = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
            if m:
                version = m.group(1)
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", checkout, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        if commit.returncode == 0 and commit.stdout.strip():
            version += f" (commit {commit.stdout.strip()})"
    except (OSError, subprocess.SubprocessError):
        pass
    return version


def load(checkout: str):
    """Imports the NegMAS functions the benchmark measures; returns them with what was stubbed.

    Raises ModuleNotFoundError (with the Debian package to install in its message) when a module
    the measured path needs is missing.
    """
    sys.path.insert(0, source_root(checkout))
    missing = {name for name in STUBBABLE if importlib.util.find_spec(name) is None}
    sys.meta_path.append(_StubFinder(missing))
    try:
        from negmas.inout import load_genius_domain_from_folder
        from negmas.preferences.ops import nash_points, pareto_frontier
    except ModuleNotFoundError as err:
        top = (err.name or "?").split(".")[0]
        hint = DEBIAN.get(top, f"python3-{top.lower().replace('_', '-')}")
        raise ModuleNotFoundError(f"NegMAS needs the Python module {top} (Debian package {hint}): {err}") from err
    try:
        from negmas.preferences.pareto_sampler.mobanos import MOBANOSParetoSampler
    except ImportError:
        MOBANOSParetoSampler = None  # an older checkout: the MOBANOS rows say so
    stubbed = sorted(name for name in missing if name in sys.modules)
    return {
        "load_genius_domain_from_folder": load_genius_domain_from_folder,
        "pareto_frontier": pareto_frontier,
        "nash_points": nash_points,
        "MOBANOSParetoSampler": MOBANOSParetoSampler,
        "stubbed": {name: STUBBABLE[name] for name in stubbed},
        "version": version_of(checkout),
    }
