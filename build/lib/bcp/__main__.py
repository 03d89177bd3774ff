"""`python -m bcp check`: validate the plan's data, nothing else."""

from bcp.cli import main

raise SystemExit(main())
