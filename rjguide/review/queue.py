"""What waits for whom: a module's messages in one language counted by their state for
the working group, and how many of them still wait for one reviewer's decision."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rjguide.library.catalogs import read_catalog, template_path
from rjguide.library.ledger import State, load_ledger, state_of
from rjguide.library.modules import Module
from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.review.documents import module_pages


@dataclass(frozen=True)
class ModuleQueue:
    module: Module
    language: str
    states: Counter          # State -> how many messages
    waiting_for_me: int      # translated, not fuzzy, not approved, and no decision of mine

    def count(self, state: State) -> int:
        return self.states.get(state, 0)

    @property
    def total(self) -> int:
        return sum(self.states.values())


def module_queue(project: Project, module: Module, language: str, roster: Roster,
                 account: str | None) -> ModuleQueue:
    states: Counter = Counter()
    waiting = 0
    for docname in module_pages(project, module):
        po = project.catalog_path(language, docname)
        template = template_path(project, docname)
        if not template.is_file():
            continue
        catalog = read_catalog(po, locale=language) if po.is_file() else None
        ledger = load_ledger(project, language, docname, roster)
        for message in read_catalog(template):
            if not message.id:
                continue
            entry = catalog.get(message.id) if catalog is not None else None
            decisions = ledger.on(entry)
            state = state_of(entry, decisions)
            states[state] += 1
            decided = any(d.account == account for d in decisions)
            if state in (State.TRANSLATED, State.CHANGED, State.ANSWERED) and not decided:
                waiting += 1
            elif state in (State.CHANGED, State.ANSWERED) and decided:
                waiting += 1      # my earlier decision was on a text that has since changed
    return ModuleQueue(module, language, states, waiting)
