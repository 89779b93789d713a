"""The built-in speller (dictionary, candidates, ranking) and the name logic that keeps
news names from being reported as typos. Rules live in ``copylint.rules.spelling``."""
