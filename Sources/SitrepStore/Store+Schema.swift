import GRDB

extension Store {
    /// Versioned migrations: add a new one for every change; never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    url TEXT,
                    outlet TEXT,
                    title TEXT,
                    published TEXT,
                    story TEXT NOT NULL,
                    content_hash TEXT NOT NULL UNIQUE,
                    text TEXT NOT NULL
                );
                CREATE INDEX documents_url ON documents(url);
                CREATE INDEX documents_story ON documents(story);
                -- a fixed sample of each document's word shingles: finds copies of a story across ingests
                CREATE TABLE shingle_samples (hash INTEGER NOT NULL, document INTEGER NOT NULL);
                CREATE INDEX shingle_samples_hash ON shingle_samples(hash);
                CREATE TABLE mentions (
                    id TEXT PRIMARY KEY,
                    document_id TEXT NOT NULL REFERENCES documents(id),
                    group_key TEXT NOT NULL,
                    event_id TEXT,
                    type TEXT NOT NULL,
                    place_key TEXT, place_name TEXT, place_matched TEXT, geonameid INTEGER, country TEXT,
                    admin1 TEXT, lat REAL, lon REAL, feature TEXT,
                    actor_id TEXT, actor_name TEXT, actor_kind TEXT,
                    target_id TEXT, target_name TEXT, target_kind TEXT,
                    date_start TEXT, date_end TEXT, date_text TEXT, precision TEXT NOT NULL,
                    modality TEXT NOT NULL,
                    speaker TEXT, channel TEXT, source_kind TEXT,
                    evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
                    confidence REAL NOT NULL,
                    trigger TEXT NOT NULL
                );
                CREATE INDEX mentions_group ON mentions(group_key);
                CREATE INDEX mentions_document ON mentions(document_id);
                CREATE TABLE events (
                    id TEXT PRIMARY KEY,
                    group_key TEXT NOT NULL,
                    type TEXT NOT NULL,
                    place_key TEXT, place_name TEXT, geonameid INTEGER, country TEXT, admin1 TEXT, lat REAL, lon REAL,
                    actor_id TEXT, actor_name TEXT, actor_kind TEXT,
                    target_id TEXT, target_name TEXT, target_kind TEXT,
                    date_start TEXT, date_end TEXT, precision TEXT NOT NULL,
                    modality TEXT NOT NULL,
                    sources INTEGER NOT NULL,
                    denials INTEGER NOT NULL,
                    confidence REAL NOT NULL,
                    documents TEXT NOT NULL,
                    mention_count INTEGER NOT NULL,
                    evidence TEXT NOT NULL,
                    evidence_document TEXT NOT NULL
                );
                CREATE INDEX events_group ON events(group_key);
                CREATE INDEX events_date ON events(date_start);
                CREATE TABLE control_changes (
                    id INTEGER PRIMARY KEY,
                    place_key TEXT NOT NULL, place_name TEXT NOT NULL, geonameid INTEGER, country TEXT, admin1 TEXT,
                    lat REAL, lon REAL,
                    date_start TEXT NOT NULL, date_end TEXT, precision TEXT NOT NULL,
                    controller_id TEXT NOT NULL, controller_name TEXT NOT NULL, controller_kind TEXT NOT NULL,
                    previous_id TEXT, previous_name TEXT, previous_kind TEXT,
                    modality TEXT NOT NULL, confidence REAL NOT NULL, sources INTEGER NOT NULL,
                    events TEXT NOT NULL,
                    evidence TEXT NOT NULL
                );
                CREATE INDEX control_changes_place ON control_changes(place_key, date_start);
                """)
            // full-text search over the documents (events --query)
            try db.create(virtualTable: "documents_fts", using: FTS5()) { t in
                t.synchronize(withTable: "documents")
                t.column("title")
                t.column("text")
            }
        }
        m.registerMigration("v2") { db in
            // groups whose mentions changed and whose events and timeline wait to be fused again
            try db.execute(sql: "CREATE TABLE dirty_groups (group_key TEXT PRIMARY KEY)")
            // how many documents carry each sampled shingle; postings stop at a cap (boilerplate is no evidence)
            try db.execute(sql: "CREATE TABLE shingle_df (hash INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        }
        m.registerMigration("v3") { db in
            // the store's other nouns, as views over what it keeps
            try db.execute(sql: """
                CREATE VIEW stories AS
                    SELECT story, COUNT(*) AS documents, MIN(published) AS first_published,
                           GROUP_CONCAT(DISTINCT outlet) AS outlets
                    FROM documents GROUP BY story;
                CREATE VIEW event_sources AS
                    SELECT m.event_id, m.document_id, d.story, d.outlet, d.published, m.modality, m.evidence
                    FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id IS NOT NULL;
                CREATE VIEW places AS
                    SELECT place_key, place_name, geonameid, country, admin1, lat, lon, COUNT(*) AS events
                    FROM events WHERE place_key IS NOT NULL GROUP BY place_key;
                """)
        }
        m.registerMigration("v4") { db in
            // the API pages events newest first by (day, id)
            try db.execute(sql: "CREATE INDEX events_page ON events(COALESCE(date_start, ''), id)")
        }
        m.registerMigration("v5") { db in
            // an event lists its mentions: fusion writes one row per event instead of rewriting every mention
            // row it fused (a third of the time of an ingest into a fresh store)
            try db.execute(sql: """
                ALTER TABLE events ADD COLUMN mention_ids TEXT NOT NULL DEFAULT '[]';
                CREATE INDEX mentions_event ON mentions(event_id);
                UPDATE events SET mention_ids = (SELECT json_group_array(id) FROM
                    (SELECT id FROM mentions WHERE event_id = events.id ORDER BY id));
                DROP INDEX mentions_event;
                DROP VIEW event_sources;
                ALTER TABLE mentions DROP COLUMN event_id;
                CREATE VIEW event_sources AS
                    SELECT e.id AS event_id, m.document_id, d.story, d.outlet, d.published, m.modality, m.evidence
                    FROM events e, json_each(e.mention_ids) j JOIN mentions m ON m.id = j.value
                    JOIN documents d ON d.id = m.document_id;
                """)
        }
        m.registerMigration("v6") { db in
            // the ingest adds a batch's documents to the full-text index in one statement: a row trigger made
            // FTS5 write its pending terms to disk after every document (a new segment each, merged again and
            // again), half of the cost of writing a document
            try db.execute(sql: "DROP TRIGGER IF EXISTS __documents_fts_ai")
            // copies are looked for among the documents stored before an ingest: the index answers that
            // without reading every posting's row
            try db.execute(sql: """
                CREATE INDEX shingle_samples_hash_document ON shingle_samples(hash, document);
                DROP INDEX shingle_samples_hash;
                """)
        }
        m.registerMigration("v7") { db in
            // fusion reads a group's mentions in the order of their ids: with the id in the index SQLite walks
            // it in that order instead of sorting every row with its 35 columns
            try db.execute(sql: """
                DROP INDEX mentions_group;
                CREATE INDEX mentions_group ON mentions(group_key, id);
                """)
            // no query of Sitrep looks mentions up by document (a fifth of the cost of writing a mention row);
            // `CREATE INDEX mentions_document ON mentions(document_id)` gives it back to one who does
            try db.execute(sql: "DROP INDEX mentions_document")
        }
        m.registerMigration("v8") { db in
            // fusion reads the fields of each mention's document: from this index, not from the document's row,
            // which holds its text and fills a page of its own (a page read for each mention once the documents
            // outgrow the cache)
            try db.execute(sql: "CREATE INDEX documents_fields ON documents(id, url, outlet, published, story)")
        }
        m.registerMigration("v9") { db in
            // a mention's id is unique by an index of its own, not by the table's primary key: an index a bulk
            // ingest can leave out (see `BulkIndexDeferral`). Ids are hashes: inserting them one batch after the
            // other rewrites pages all over an index larger than the cache, twice the text's size in writes.
            try db.execute(sql: """
                DROP VIEW event_sources;
                CREATE TABLE mentions_v9 (
                    id TEXT NOT NULL,
                    document_id TEXT NOT NULL REFERENCES documents(id),
                    group_key TEXT NOT NULL,
                    type TEXT NOT NULL,
                    place_key TEXT, place_name TEXT, place_matched TEXT, geonameid INTEGER, country TEXT,
                    admin1 TEXT, lat REAL, lon REAL, feature TEXT,
                    actor_id TEXT, actor_name TEXT, actor_kind TEXT,
                    target_id TEXT, target_name TEXT, target_kind TEXT,
                    date_start TEXT, date_end TEXT, date_text TEXT, precision TEXT NOT NULL,
                    modality TEXT NOT NULL,
                    speaker TEXT, channel TEXT, source_kind TEXT,
                    evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
                    confidence REAL NOT NULL,
                    trigger TEXT NOT NULL
                );
                INSERT INTO mentions_v9 (rowid, \(mentionTableColumns))
                    SELECT rowid, \(mentionTableColumns) FROM mentions;
                DROP TABLE mentions;
                ALTER TABLE mentions_v9 RENAME TO mentions;
                CREATE UNIQUE INDEX mentions_id ON mentions(id);
                CREATE INDEX mentions_group ON mentions(group_key, id);
                CREATE VIEW event_sources AS
                    SELECT e.id AS event_id, m.document_id, d.story, d.outlet, d.published, m.modality, m.evidence
                    FROM events e, json_each(e.mention_ids) j JOIN mentions m ON m.id = j.value
                    JOIN documents d ON d.id = m.document_id;
                """)
        }
        m.registerMigration("v10") { db in
            // a bulk ingest lists no dirty group while it writes (see `BulkIndexDeferral`): the groups of the
            // mentions after this row id are dirty, and are listed from the group index once it is built
            try db.execute(sql: "CREATE TABLE dirty_after (mention_rowid INTEGER NOT NULL)")
            // FTS5 merges 16 segments of a level at once, not 4: each posting is rewritten at half as many levels
            // (a tenth less written by an ingest of 300 MB); a query reads a few more segments
            try db.execute(sql: "INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 16)")
        }
        return m
    }

    /// The columns of the mentions table, in their order (since v5).
    static let mentionTableColumns = """
        id, document_id, group_key, type, place_key, place_name, place_matched, geonameid, country, admin1, lat, lon,
        feature, actor_id, actor_name, actor_kind, target_id, target_name, target_kind, date_start, date_end, date_text,
        precision, modality, speaker, channel, source_kind, evidence, evidence_start, evidence_end, confidence, trigger
        """
}
