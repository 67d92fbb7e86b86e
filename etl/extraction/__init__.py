"""Extraction: one parsed article -> an Extraction (people, bodies, events, roles, figures).

The modules are the pipeline's components, in the order `article.extract_article` runs them:

- `people`, `orgs`: names of people and organisations (`spans` holds the shared token tests);
- `titles_and_roles`: each person's title and body, and roles stated next to a name;
- `events`, with `event_cues`, `event_titles`, `event_parts`, `event_names`, `headlines`, `lead_event`,
  `lead_parts` and `dates`:
  events, their hierarchy, dates and venues;
- `participants`: who took part and how, from the grammar (spaCy DependencyMatcher rules, and
  `rare_roles` for the rules that start from a rare word), with `organisers` and `organising_bodies` for
  the heads of an event and of the body that put it on, and `trades` for performers named by their trade;
- `figures`: reported quantities.

Word classes are data files beside the modules: `lexicon.yaml` (the genre's general vocabulary),
`roles.yaml` (verbs and nouns of taking part) and `events.yaml` (event nouns, verbs and title cues).
Each rule has a name, stored with what it found; `tests/etl/extraction/` has the sentences each rule
is tested on.
"""
