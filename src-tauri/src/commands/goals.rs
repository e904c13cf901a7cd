//! Goal, milestone and paused-period commands.

use chrono::NaiveDate;
use tauri::State;
use trajectory_core::{
    EntryId, Goal, GoalDraft, GoalId, GoalStatus, Milestone, MilestoneDraft, MilestoneId,
    PausedDraft, PausedPeriod, PausedPeriodId, parse_date,
};
use trajectory_insights::{GoalSummary, goal_summary};

use crate::clock::today;
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn list_goals(state: State<'_, AppState>) -> Result<Vec<Goal>, AppError> {
    state.with_store(|s| s.goals()).await
}

#[tauri::command]
pub async fn create_goal(state: State<'_, AppState>, draft: GoalDraft) -> Result<Goal, AppError> {
    let valid = draft.validate(today())?;
    state.with_store(move |s| s.create_goal(&valid)).await
}

#[tauri::command]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: GoalId,
    draft: GoalDraft,
) -> Result<Goal, AppError> {
    state
        .with_store(move |s| {
            let current = s.goal(id)?;
            let valid = draft.validate(current.start_date)?;
            s.update_goal(id, &valid)
        })
        .await
}

#[tauri::command]
pub async fn set_goal_status(
    state: State<'_, AppState>,
    id: GoalId,
    status: GoalStatus,
) -> Result<Goal, AppError> {
    state
        .with_store(move |s| s.set_goal_status(id, status))
        .await
}

#[tauri::command]
pub async fn get_goal_summary(
    state: State<'_, AppState>,
    id: GoalId,
) -> Result<GoalSummary, AppError> {
    let as_of = today();
    state
        .with_insight(move |s| goal_summary(s, id, as_of))
        .await
}

#[tauri::command]
pub async fn list_milestones(state: State<'_, AppState>) -> Result<Vec<Milestone>, AppError> {
    state.with_store(|s| s.milestones()).await
}

/// Rules that need the goal's start are checked by the store, inside the write.
#[tauri::command]
pub async fn add_milestone(
    state: State<'_, AppState>,
    goal_id: GoalId,
    draft: MilestoneDraft,
) -> Result<Milestone, AppError> {
    let valid = draft.validate(NaiveDate::MIN, today())?;
    state
        .with_store(move |s| s.add_milestone(goal_id, &valid))
        .await
}

#[tauri::command]
pub async fn update_milestone(
    state: State<'_, AppState>,
    id: MilestoneId,
    draft: MilestoneDraft,
) -> Result<Milestone, AppError> {
    let valid = draft.validate(NaiveDate::MIN, today())?;
    state
        .with_store(move |s| s.update_milestone(id, &valid))
        .await
}

#[tauri::command]
pub async fn achieve_milestone(
    state: State<'_, AppState>,
    id: MilestoneId,
    achieved_date: String,
) -> Result<Milestone, AppError> {
    let date = parse_date(&achieved_date)?;
    let today = today();
    state
        .with_store(move |s| s.achieve_milestone(id, date, today))
        .await
}

#[tauri::command]
pub async fn link_milestone_entry(
    state: State<'_, AppState>,
    id: MilestoneId,
    entry_id: EntryId,
) -> Result<Milestone, AppError> {
    state
        .with_store(move |s| s.link_milestone_entry(id, entry_id))
        .await
}

#[tauri::command]
pub async fn unlink_milestone_entry(
    state: State<'_, AppState>,
    id: MilestoneId,
    entry_id: EntryId,
) -> Result<Milestone, AppError> {
    state
        .with_store(move |s| s.unlink_milestone_entry(id, entry_id))
        .await
}

#[tauri::command]
pub async fn list_paused_periods(
    state: State<'_, AppState>,
) -> Result<Vec<PausedPeriod>, AppError> {
    state.with_store(|s| s.paused_periods()).await
}

#[tauri::command]
pub async fn add_paused_period(
    state: State<'_, AppState>,
    draft: PausedDraft,
) -> Result<PausedPeriod, AppError> {
    let valid = draft.validate()?;
    state.with_store(move |s| s.add_paused_period(&valid)).await
}

#[tauri::command]
pub async fn delete_paused_period(
    state: State<'_, AppState>,
    id: PausedPeriodId,
) -> Result<(), AppError> {
    state.with_store(move |s| s.delete_paused_period(id)).await
}
