"""A counter of changes to what a compiled step's state is made of.

``chainerjax.jit`` collects the state of the Links and Optimizers a step
uses (parameters, persistents, Variables held in attributes, update rules'
states and hyperparameters) into a flat list once, and reuses the list for
every call until this counter moves. Everything that can add, remove or
replace such a piece of state, or change how a step is traced (update rules
enabled or disabled, hooks added or removed), calls :func:`changed`:
attribute assignment on a Link, the ChainList/Sequential mutators, device
moves, optimizer setup, hooks, new rule states and new hyperparameters.
"""

version = 0


def changed():
    global version
    version += 1
