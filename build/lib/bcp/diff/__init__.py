"""What changed in the plan between two Git revisions, in plain Thai, as Markdown.

The head of office approves a pull request from this summary without reading
YAML.  Both revisions' data files are read with `git show`, loaded and
validated, and the MODELS are compared, not the text: reordered keys, comments
and re-wrapped lines change nothing in the plan and print nothing.

Every section has a hand-written comparison for what a reader cares about
(people by name, roles, steps, recovery times, quantities); any other field
falls through to a generic comparison, so no change to the data goes unreported.

The parts: `git` reads a revision's data; `fields` words values and holds the
generic comparison; `general`, `people`, `resources`, `procedure` and `records`
compare the sections; `differ` puts them together; `markdown` renders the
summary; `command` is `bcp diff`.
"""

from bcp.diff.changes import Change, Section, esc, short
from bcp.diff.command import run
from bcp.diff.differ import Differ, compare
from bcp.diff.git import DiffError, MissingData, commit_of, data_path_in_repo, plan_at, repo_root
from bcp.diff.markdown import render

__all__ = ["Change", "DiffError", "Differ", "MissingData", "Section", "commit_of", "compare", "data_path_in_repo",
           "esc", "plan_at", "render", "repo_root", "run", "short"]
