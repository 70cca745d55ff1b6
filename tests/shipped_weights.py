"""What the tests of the three learned classifiers share: the development sets the
shipped weights are trained on (the recorded commands of docs/evaluation.md), the
training tools, and the check that a shipped file is what its command writes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]

SHARED_DEV = Path("/work/shared/corpus/dev")
"""The shared development set (it lives outside the repository)."""


def training_sets(last: int) -> list[Path]:
    """The shared development set and blind-1 … blind-``last``: the sets a recorded
    command trains on."""
    return [SHARED_DEV, *(ROOT / "tests" / "corpus" / f"blind-{n}" for n in range(1, last + 1))]


needs_shared_dev = pytest.mark.skipif(
    not SHARED_DEV.is_dir(), reason="the shared development corpus is absent"
)


def tool(name: str) -> ModuleType:
    """``tools/train_NAME_model.py`` as a module."""
    spec = importlib.util.spec_from_file_location(
        f"train_{name}_model", ROOT / "tools" / f"train_{name}_model.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def recorded_command_writes(name: str, last: int) -> bool:
    """Whether ``resources/NAME_model.json`` holds the bytes its recorded command
    (``tools/train_NAME_model.py`` on ``training_sets(last)``, default settings) trains:
    a change to the extraction that changes the candidates or their features leaves the
    file behind until it is trained again (the command's ``--check``)."""
    shipped = ROOT / "src" / "attackgraph" / "resources" / f"{name}_model.json"
    sets = [str(folder) for folder in training_sets(last)]
    return bool(tool(name).main([*sets, "--out", str(shipped), "--check"]) == 0)
