//! `traj backup`, `traj backups` and `traj restore ID`: back up now, list backups, and
//! restore one (the current database is set aside, never overwritten).

use std::path::Path;

use chrono::Utc;
use trajectory_store::backup::{BackupKind, list_backups, restore_backup};
use trajectory_store::{Store, StoreError};

use crate::{Failure, json};

pub(crate) fn run_backup(open: impl FnOnce() -> Result<Store, StoreError>) -> Result<(), Failure> {
    let store = open()?;
    let backup = store.backup_now(Utc::now())?;
    println!(
        "Backed up to {} ({} bytes)",
        backup.path.display(),
        backup.bytes
    );
    println!("Restore it with: traj restore {}", backup.id);
    Ok(())
}

pub(crate) fn run_list(data_dir: &Path, as_json: bool) -> Result<(), Failure> {
    let backups = list_backups(data_dir)?;
    if as_json {
        println!("{}", json(&backups)?);
        return Ok(());
    }
    if backups.is_empty() {
        println!("No backups yet (make one with: traj backup).");
    }
    for b in &backups {
        let kind = match b.kind {
            BackupKind::Regular => "",
            BackupKind::BeforeMigration => "  (before an upgrade)",
        };
        println!(
            "{}  {}  {:>10} bytes{kind}",
            b.id,
            b.taken_at.format("%Y-%m-%d %H:%M UTC"),
            b.bytes
        );
    }
    Ok(())
}

pub(crate) fn run_restore(
    data_dir: &Path,
    id: &str,
    key: Option<&trajectory_core::Passphrase>,
) -> Result<(), Failure> {
    let report = restore_backup(data_dir, id, Utc::now(), key)?;
    println!(
        "Restored the backup of {}.",
        report.restored.taken_at.format("%Y-%m-%d %H:%M UTC")
    );
    if let Some(aside) = report.kept_aside {
        println!("The journal it replaced is kept at {}", aside.display());
    }
    Ok(())
}
