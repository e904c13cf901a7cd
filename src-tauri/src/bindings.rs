//! The TypeScript bindings of every type that crosses IPC, generated with ts-rs into
//! `ui/src/lib/ipc/bindings/`. A test fails when the committed files are stale.

use std::path::{Path, PathBuf};

use ts_rs::TS;

/// Where the committed bindings live, relative to the repository root.
pub const BINDINGS_DIR: &str = "ui/src/lib/ipc/bindings";

/// Writes every IPC type's TypeScript definition into `dir`.
pub fn export_bindings(dir: &Path) -> Result<(), ts_rs::ExportError> {
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    trajectory_core::Entry::export_all(&cfg)?;
    trajectory_core::EntryDraft::export_all(&cfg)?;
    trajectory_core::EntryPage::export_all(&cfg)?;
    trajectory_core::PageCursor::export_all(&cfg)?;
    trajectory_core::ErrorCode::export_all(&cfg)?;
    trajectory_core::Revision::export_all(&cfg)?;
    trajectory_core::TagCount::export_all(&cfg)?;
    trajectory_core::Draft::export_all(&cfg)?;
    trajectory_core::DraftInput::export_all(&cfg)?;
    trajectory_core::Template::export_all(&cfg)?;
    trajectory_core::TemplateDraft::export_all(&cfg)?;
    trajectory_core::SearchQuery::export_all(&cfg)?;
    trajectory_core::SearchResults::export_all(&cfg)?;
    trajectory_core::SearchHit::export_all(&cfg)?;
    trajectory_core::SnippetPart::export_all(&cfg)?;
    trajectory_core::MdNode::export_all(&cfg)?;
    trajectory_core::Goal::export_all(&cfg)?;
    trajectory_core::GoalDraft::export_all(&cfg)?;
    trajectory_core::GoalStatus::export_all(&cfg)?;
    trajectory_core::Milestone::export_all(&cfg)?;
    trajectory_core::MilestoneDraft::export_all(&cfg)?;
    trajectory_core::MilestoneKind::export_all(&cfg)?;
    trajectory_core::PausedDraft::export_all(&cfg)?;
    trajectory_core::PausedPeriod::export_all(&cfg)?;
    trajectory_core::Baseline::export_all(&cfg)?;
    trajectory_core::Forecast::export_all(&cfg)?;
    trajectory_core::VelocityPoint::export_all(&cfg)?;
    trajectory_insights::GoalSummary::export_all(&cfg)?;
    trajectory_insights::VelocityReport::export_all(&cfg)?;
    trajectory_insights::ChartKind::export_all(&cfg)?;
    trajectory_insights::ChartRange::export_all(&cfg)?;
    crate::commands::insights::ChartQuery::export_all(&cfg)?;
    crate::commands::insights::ChartView::export_all(&cfg)?;
    trajectory_core::Strategy::export_all(&cfg)?;
    trajectory_core::Lens::export_all(&cfg)?;
    trajectory_core::LensAnswer::export_all(&cfg)?;
    trajectory_core::SuggestedStrategy::export_all(&cfg)?;
    trajectory_core::Suggestions::export_all(&cfg)?;
    trajectory_core::ReflectionStep::export_all(&cfg)?;
    trajectory_core::FieldKind::export_all(&cfg)?;
    trajectory_core::FieldGuide::export_all(&cfg)?;
    trajectory_core::StepGuide::export_all(&cfg)?;
    trajectory_core::ReflectionTrigger::export_all(&cfg)?;
    trajectory_core::ReflectionStatus::export_all(&cfg)?;
    trajectory_core::Answer::export_all(&cfg)?;
    trajectory_core::Move::export_all(&cfg)?;
    trajectory_core::MoveDraft::export_all(&cfg)?;
    trajectory_core::Reflection::export_all(&cfg)?;
    trajectory_core::StrategyRecord::export_all(&cfg)?;
    trajectory_core::CheckInOutcome::export_all(&cfg)?;
    trajectory_core::CheckIn::export_all(&cfg)?;
    trajectory_core::NoticeStatus::export_all(&cfg)?;
    trajectory_core::NoticeState::export_all(&cfg)?;
    trajectory_core::Recovery::export_all(&cfg)?;
    trajectory_core::SlumpEnd::export_all(&cfg)?;
    trajectory_insights::Notice::export_all(&cfg)?;
    trajectory_insights::PastSlump::export_all(&cfg)?;
    crate::commands::reflection::NoticeKey::export_all(&cfg)?;
    crate::commands::reflection::StrategyInfo::export_all(&cfg)?;
    crate::commands::reflection::ReflectionView::export_all(&cfg)?;
    trajectory_core::AppSettings::export_all(&cfg)?;
    crate::error::AppError::export_all(&cfg)?;
    crate::commands::app::AppInfo::export_all(&cfg)?;
    trajectory_core::ImportReport::export_all(&cfg)?;
    crate::commands::data::BackupView::export_all(&cfg)?;
    crate::commands::data::RestoreView::export_all(&cfg)?;
    crate::commands::data::ImportProgress::export_all(&cfg)?;
    crate::state::JournalState::export_all(&cfg)?;
    crate::state::JournalStatus::export_all(&cfg)?;
    crate::start_page::StartData::export_all(&cfg)?;
    crate::commands::recovery::SalvageView::export_all(&cfg)?;
    crate::commands::encryption::EncryptionView::export_all(&cfg)?;
    Ok(())
}

/// The committed bindings folder, from this crate's manifest folder (the repository root).
pub fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return BTreeMap::new();
        };
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect()
    }

    /// Regenerate with `make ipc` (sets UPDATE_IPC_BINDINGS=1).
    #[test]
    fn ipc_bindings_are_fresh() {
        let fresh_dir = tempfile::tempdir().unwrap();
        export_bindings(fresh_dir.path()).unwrap();
        let fresh = read_dir(fresh_dir.path());
        assert!(fresh.contains_key("Entry.ts"), "{:?}", fresh.keys());
        let committed_dir = committed_dir();
        if std::env::var_os("UPDATE_IPC_BINDINGS").is_some() {
            let _ = std::fs::remove_dir_all(&committed_dir);
            std::fs::create_dir_all(&committed_dir).unwrap();
            for (name, text) in &fresh {
                std::fs::write(committed_dir.join(name), text).unwrap();
            }
        }
        let committed = read_dir(&committed_dir);
        assert!(
            committed == fresh,
            "the TypeScript bindings in {BINDINGS_DIR} are stale: run `make ipc` and commit them.\n\
             stale or extra: {:?}\nmissing: {:?}",
            committed
                .iter()
                .filter(|(k, v)| fresh.get(*k) != Some(v))
                .map(|(k, _)| k)
                .collect::<Vec<_>>(),
            fresh
                .keys()
                .filter(|k| !committed.contains_key(*k))
                .collect::<Vec<_>>()
        );
    }
}
