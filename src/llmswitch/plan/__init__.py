"""The planner: cost a workload per provider, scan a codebase for OpenAI usage, write a report.

>>> import datetime as dt
>>> from llmswitch.plan import Workload, compare
>>> cmp = compare(Workload(input_tokens="50M", output_tokens="10M"), on=dt.date(2024, 7, 1))
>>> cmp.baseline.model
'openai/gpt-4o'

pandas, matplotlib and rich are never imported here; only the methods that draw or build
DataFrames import them.
"""

from ._comparison import Comparison
from ._costs import MonthCost
from ._verdicts import Verdict
from .compare import CandidateCost, OfferUse, compare
from .migration import migration_plan
from .report import Report, report
from .scan import Finding, ScanError, ScanResult, scan
from .workload import FEATURES, Workload, WorkloadError, parse_tokens

__all__ = [
    "FEATURES",
    "CandidateCost",
    "Comparison",
    "Finding",
    "MonthCost",
    "OfferUse",
    "Report",
    "ScanError",
    "ScanResult",
    "Verdict",
    "Workload",
    "WorkloadError",
    "compare",
    "migration_plan",
    "parse_tokens",
    "report",
    "scan",
]
