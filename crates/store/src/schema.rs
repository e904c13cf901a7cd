//! The numbered schema migrations, applied in order; never edit one that has shipped.

use rusqlite_migration::{M, Migrations};

/// Every migration, oldest first. Version N of the schema is the first N of these.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_entries.sql")),
        M::up(include_str!("migrations/0002_journal.sql")),
        M::up(include_str!("migrations/0003_goals.sql")),
        M::up(include_str!("migrations/0004_exchange.sql")),
        M::up(include_str!("migrations/0005_reflection.sql")),
        M::up(include_str!("migrations/0006_settings.sql")),
    ])
}

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    // One migration per element; the count cannot exceed i64.
    MIGRATION_COUNT
}

const MIGRATION_COUNT: i64 = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn latest_version_counts_the_migrations() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest_version());
    }
}
