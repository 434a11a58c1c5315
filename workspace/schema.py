"""The project file's schema as numbered migrations.

Each migration is named ``NNNN_what`` and registered in order; the schema version of a
file is the number of the last one applied, also kept in ``PRAGMA user_version`` so that
a file can be judged before anything is changed. Never edit a migration that has
shipped: add the next number.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("huizhi")
_NAMES: list[str] = []


def _migration(name: str):
    """Register the next numbered migration."""
    expected = len(_NAMES) + 1
    if version_of(name) != expected:
        raise ValueError(f"migration {name} is out of order; expected number {expected}")
    _NAMES.append(name)

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        def migrate(db: Database) -> None:
            fn(db)
            # In the same transaction as the change and its record in _sqlite_migrations.
            db.execute(f"PRAGMA user_version = {expected}")

        MIGRATIONS(name=name)(migrate)
        return fn

    return register


def version_of(name: str) -> int:
    """``0003_workshops`` → 3."""
    return int(name.split("_", 1)[0])


def _run(db: Database, statements: str) -> None:
    """Run ``;``-separated DDL inside the migration's transaction.

    ``executescript`` would commit on its own, so statements go one by one.
    """
    for statement in statements.split(";"):
        if statement.strip():
            db.execute(statement)


@_migration("0001_core")
def _core(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE stakeholder_groups (
            code TEXT PRIMARY KEY,
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            weight REAL NOT NULL DEFAULT 1.0 CHECK (weight >= 0),
            builtin INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0,
            sort INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE domains (
            code TEXT PRIMARY KEY,
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            sort INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE scenarios (
            code TEXT PRIMARY KEY,
            domain_code TEXT NOT NULL REFERENCES domains(code),
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            description_zh TEXT NOT NULL DEFAULT '',
            description_en TEXT NOT NULL DEFAULT '',
            keywords TEXT NOT NULL DEFAULT '[]',
            origin TEXT NOT NULL DEFAULT 'project' CHECK (origin IN ('catalogue', 'project')),
            retired INTEGER NOT NULL DEFAULT 0,
            sort INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX scenarios_domain ON scenarios(domain_code);
        CREATE TABLE scenario_kpis (
            id INTEGER PRIMARY KEY,
            scenario_code TEXT NOT NULL REFERENCES scenarios(code)
                ON UPDATE CASCADE ON DELETE CASCADE,
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            higher_is_better INTEGER NOT NULL,
            sort INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX scenario_kpis_scenario ON scenario_kpis(scenario_code)
        """,
    )


@_migration("0002_surveys")
def _surveys(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL DEFAULT '',
            title_zh TEXT NOT NULL,
            title_en TEXT NOT NULL DEFAULT '',
            audience TEXT REFERENCES stakeholder_groups(code),
            current_version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE survey_versions (
            survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            definition TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (survey_id, version)
        );
        CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            survey_version INTEGER NOT NULL,
            stakeholder_group TEXT REFERENCES stakeholder_groups(code),
            collector TEXT NOT NULL DEFAULT '',
            device_id TEXT NOT NULL DEFAULT '',
            started_at TEXT,
            ended_at TEXT,
            submitted_at TEXT,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted'))
        );
        CREATE INDEX responses_survey_group ON responses(survey_id, stakeholder_group);
        CREATE TABLE answers (
            response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            value TEXT,
            PRIMARY KEY (response_id, question)
        ) WITHOUT ROWID
        """,
    )


@_migration("0003_workshops")
def _workshops(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            held_on TEXT,
            place TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            department TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            stakeholder_group TEXT REFERENCES stakeholder_groups(code),
            role TEXT NOT NULL DEFAULT '',
            attended INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX participants_session ON participants(session_id);
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('pain', 'need', 'idea', 'risk')),
            text TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            scenario_code TEXT REFERENCES scenarios(code) ON UPDATE CASCADE,
            created_at TEXT NOT NULL
        );
        CREATE INDEX cards_session ON cards(session_id);
        CREATE INDEX cards_scenario ON cards(scenario_code)
        """,
    )


@_migration("0004_fieldwork")
def _fieldwork(db: Database) -> None:
    _run(
        db,
        """
        ALTER TABLE responses ADD COLUMN updated_at TEXT;
        ALTER TABLE responses ADD COLUMN deleted_at TEXT;
        ALTER TABLE responses ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX responses_status ON responses(survey_id, status);
        CREATE TABLE answer_audit (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX answer_audit_response ON answer_audit(response_id, id);
        CREATE TABLE response_conflicts (
            id INTEGER PRIMARY KEY,
            response_uuid TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            variant TEXT NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT
        );
        CREATE INDEX response_conflicts_uuid ON response_conflicts(response_uuid);
        CREATE TABLE response_flags (
            response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (response_id, kind)
        ) WITHOUT ROWID;
        CREATE TABLE sealed_responses (
            uuid TEXT PRIMARY KEY,
            survey_id INTEGER NOT NULL,
            survey_version INTEGER NOT NULL,
            payload BLOB NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE merged_packages (
            sha256 TEXT PRIMARY KEY,
            merged_at TEXT NOT NULL,
            summary TEXT NOT NULL
        )
        """,
    )


@_migration("0005_audit_entries")
def _audit_entries(db: Database) -> None:
    """Audit entry UUIDs stay, but without a UNIQUE index: merging 100 000 responses spent most
    of its time keeping random UUIDs in order, and merge already compares trails per response."""
    _run(
        db,
        """
        CREATE TABLE answer_audit_new (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL,
            response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            at TEXT NOT NULL
        );
        INSERT INTO answer_audit_new SELECT id, uuid, response_id, question, old_value, new_value, at FROM answer_audit;
        DROP TABLE answer_audit;
        ALTER TABLE answer_audit_new RENAME TO answer_audit;
        CREATE INDEX answer_audit_response ON answer_audit(response_id, id)
        """,
    )


@_migration("0006_workshop_board")
def _workshop_board(db: Database) -> None:
    """What a workshop produces beyond cards: agenda, clusters, SWOT, scoring rounds and
    votes, decisions, actions and conflicts of interest. Cards gain their place on the board
    and the author's department and group as they were when the card was written."""
    _run(
        db,
        """
        ALTER TABLE cards ADD COLUMN department TEXT NOT NULL DEFAULT '';
        ALTER TABLE cards ADD COLUMN stakeholder_group TEXT;
        ALTER TABLE cards ADD COLUMN cluster_id INTEGER REFERENCES clusters(id) ON DELETE SET NULL;
        ALTER TABLE cards ADD COLUMN position REAL NOT NULL DEFAULT 0;
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            planned_minutes INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX agenda_items_session ON agenda_items(session_id, position);
        CREATE TABLE clusters (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            position REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX clusters_session ON clusters(session_id);
        CREATE TABLE swot_items (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            scenario_code TEXT REFERENCES scenarios(code) ON UPDATE CASCADE,
            quadrant TEXT NOT NULL CHECK (quadrant IN ('S', 'W', 'O', 'T')),
            text TEXT NOT NULL DEFAULT '',
            card_id INTEGER REFERENCES cards(id) ON DELETE CASCADE,
            position REAL NOT NULL DEFAULT 0,
            CHECK (text != '' OR card_id IS NOT NULL)
        );
        CREATE INDEX swot_items_session ON swot_items(session_id, scenario_code);
        CREATE TABLE scoring_rounds (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('scores', 'dots', 'moscow')),
            criteria TEXT NOT NULL DEFAULT '[]',
            scenarios TEXT NOT NULL DEFAULT '[]',
            dots INTEGER NOT NULL DEFAULT 0,
            stacking INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE scores (
            round_id INTEGER NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            scenario_code TEXT NOT NULL,
            criterion TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (round_id, participant_id, scenario_code, criterion)
        ) WITHOUT ROWID;
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            scenario_code TEXT,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            owner_department TEXT NOT NULL DEFAULT '',
            due_on TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'doing', 'done')),
            created_at TEXT NOT NULL
        );
        CREATE TABLE interest_conflicts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            scenario_code TEXT,
            groups TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
    )


@_migration("0007_text_analysis")
def _text_analysis(db: Database) -> None:
    """The token cache, the project's own words, and hand-coded texts.

    ``text_tokens`` holds jieba's tokens of each distinct normalised text (keyed by a hash of
    it) for the bundled dictionary ``version``; stopwords and synonyms are applied when
    tokens are read, so changing them re-segments nothing. ``text_terms`` holds the words,
    stopwords and synonyms users add. ``text_codes`` holds the scenario a facilitator gave a
    text by hand (``scenario_code`` NULL: "no scenario"); the classifier learns from it.
    """
    _run(
        db,
        """
        CREATE TABLE text_tokens (
            hash BLOB PRIMARY KEY,
            version TEXT NOT NULL,
            tokens TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE text_terms (
            kind TEXT NOT NULL CHECK (kind IN ('word', 'stopword', 'synonym')),
            term TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            PRIMARY KEY (kind, term)
        );
        CREATE TABLE text_codes (
            doc TEXT PRIMARY KEY,
            text_hash BLOB NOT NULL,
            scenario_code TEXT REFERENCES scenarios(code) ON UPDATE CASCADE ON DELETE SET NULL,
            coded_at TEXT NOT NULL
        )
        """,
    )



@_migration("0008_priorities")
def _priorities(db: Database) -> None:
    """What ranking needs: a stamp that moves whenever a response changes, the evidence
    cache keyed by it, and conflicts of interest that belong to the project rather than to
    one session.

    Every write of answers also writes its response row (capture, import, merge, sealing),
    so triggers on ``responses`` alone keep ``meta.responses_stamp`` exact without a trigger
    per answer row (which would slow merges and imports). ``evidence_cache`` holds the
    aggregated survey and text evidence with the fingerprint it was computed for.
    ``interest_conflicts.session_id`` becomes optional: the Priorities page records the
    disagreements it finds between stakeholder groups with no session.
    """
    _run(
        db,
        """
        INSERT OR IGNORE INTO meta(key, value) VALUES ('responses_stamp', '0');
        CREATE TABLE evidence_cache (
            part TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            payload TEXT NOT NULL,
            computed_at TEXT NOT NULL
        );
        CREATE TABLE interest_conflicts_new (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
            scenario_code TEXT,
            groups TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        INSERT INTO interest_conflicts_new SELECT id, uuid, session_id, scenario_code, groups, text, created_at
            FROM interest_conflicts;
        DROP TABLE interest_conflicts;
        ALTER TABLE interest_conflicts_new RENAME TO interest_conflicts
        """,
    )
    for event in ("INSERT", "UPDATE", "DELETE"):  # a trigger body holds ';', so not through _run
        db.execute(f"CREATE TRIGGER responses_stamp_{event.lower()} AFTER {event} ON responses BEGIN "
                   "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'responses_stamp'; END")


MIGRATION_NAMES: tuple[str, ...] = tuple(_NAMES)
LATEST_VERSION = len(MIGRATION_NAMES)
