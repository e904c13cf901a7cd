//! The slump notice and the guided reflection: thin handlers over the store and insights.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_notification::NotificationExt;
use trajectory_core::reflection::{check_done_on, guides};
use trajectory_core::{
    Answer, CheckIn, CheckInId, CheckInOutcome, Move, MoveDraft, MoveId, NoticeState, Reflection,
    ReflectionId, ReflectionStep, ReflectionTrigger, SlumpSettings, StepGuide, Strategy,
    StrategyRecord, Suggestions, ValidAnswer,
};
use trajectory_insights::{
    InsightError, Notice, PastSlump, past_slumps, record_recoveries, slump_history, slump_notice,
    what_has_worked as worked,
};

use crate::clock::today;
use crate::error::AppError;
use crate::state::AppState;

/// Which slump a notice is about: its scope and the day it was raised.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct NoticeKey {
    pub scope: String,
    pub detected_on: NaiveDate,
}

/// A strategy with its wording, for step 3.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StrategyInfo {
    pub strategy: Strategy,
    pub label: String,
    pub description: String,
}

/// A reflection with what the UI needs to show it: every step's wording, the strategies'
/// wording, and the suggested order from the root-cause answers.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReflectionView {
    pub reflection: Reflection,
    pub steps: Vec<StepGuide>,
    pub strategies: Vec<StrategyInfo>,
    pub suggestions: Suggestions,
}

fn view(reflection: Reflection) -> ReflectionView {
    ReflectionView {
        suggestions: reflection.suggestions(),
        steps: guides(),
        strategies: Strategy::ALL
            .into_iter()
            .map(|s| StrategyInfo {
                strategy: s,
                label: s.label().to_owned(),
                description: s.description().to_owned(),
            })
            .collect(),
        reflection,
    }
}

/// The detector's settings from the person's saved choices.
fn settings_of(store: &trajectory_store::Store) -> Result<SlumpSettings, InsightError> {
    Ok(store.settings()?.slump_settings())
}

/// The slump notice to show now, if any. Also records, first, the recoveries of slumps that
/// have ended since the last look, and that this notice was shown.
#[tauri::command]
pub async fn get_slump_notice<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<Notice>, AppError> {
    let today = today();
    let (notice, notify) = state
        .with_insight(move |s| {
            let settings = settings_of(s)?;
            record_recoveries(s, today, &settings)?;
            let notice = slump_notice(s, today, &settings)?;
            let mut first_time = false;
            if let Some(n) = &notice {
                first_time = n.state.is_none();
                s.record_notice_shown(&n.slump.scope, n.slump.detected_on)?;
            }
            Ok((notice, first_time && s.settings()?.slump_notifications))
        })
        .await?;
    if notify && let Some(n) = &notice {
        // Only when the person turned notifications on, and only the first time a slump shows.
        // A desktop without a notification service must not keep the banner from showing.
        if let Err(e) = app
            .notification()
            .builder()
            .title("Trajectory: a quieter stretch")
            .body(&n.explanation)
            .show()
        {
            eprintln!("trajectory: the notification could not be shown: {e}");
        }
    }
    Ok(notice)
}

#[tauri::command]
pub async fn snooze_slump_notice(
    state: State<'_, AppState>,
    notice: NoticeKey,
) -> Result<NoticeState, AppError> {
    let today = today();
    state
        .with_store(move |s| s.snooze_slump_notice(&notice.scope, notice.detected_on, today))
        .await
}

#[tauri::command]
pub async fn set_aside_slump_notice(
    state: State<'_, AppState>,
    notice: NoticeKey,
    reason: String,
) -> Result<NoticeState, AppError> {
    state
        .with_store(move |s| s.set_aside_slump_notice(&notice.scope, notice.detected_on, &reason))
        .await
}

/// Starts a reflection from a slump notice, or by hand when `from_notice` is null.
#[tauri::command]
pub async fn start_reflection(
    state: State<'_, AppState>,
    from_notice: Option<NoticeKey>,
) -> Result<ReflectionView, AppError> {
    let today = today();
    let reflection = state
        .with_insight(move |s| {
            let settings = settings_of(s)?;
            let trigger = match from_notice {
                None => ReflectionTrigger::ByHand,
                Some(NoticeKey { scope, detected_on }) => {
                    let known = slump_history(s, today, &settings)?
                        .iter()
                        .any(|x| x.scope.to_string() == scope && x.detected_on == detected_on);
                    if !known {
                        return Err(InsightError::NoSuchSlump { scope, detected_on });
                    }
                    ReflectionTrigger::Slump { scope, detected_on }
                }
            };
            Ok(s.start_reflection(&trigger)?)
        })
        .await?;
    Ok(view(reflection))
}

#[tauri::command]
pub async fn get_reflection(
    state: State<'_, AppState>,
    id: ReflectionId,
) -> Result<ReflectionView, AppError> {
    state.with_store(move |s| s.reflection(id)).await.map(view)
}

#[tauri::command]
pub async fn list_reflections(state: State<'_, AppState>) -> Result<Vec<Reflection>, AppError> {
    state.with_store(|s| s.reflections()).await
}

/// Saves one answer as typed; called on every pause in typing.
#[tauri::command]
pub async fn save_reflection_answer(
    state: State<'_, AppState>,
    id: ReflectionId,
    step: ReflectionStep,
    field: String,
    text: String,
) -> Result<Answer, AppError> {
    let answer = ValidAnswer::new(step, &field, text)?;
    state
        .with_store(move |s| s.save_reflection_answer(id, &answer))
        .await
}

#[tauri::command]
pub async fn set_reflection_step(
    state: State<'_, AppState>,
    id: ReflectionId,
    step: ReflectionStep,
) -> Result<ReflectionView, AppError> {
    state
        .with_store(move |s| s.set_reflection_step(id, step))
        .await
        .map(view)
}

#[tauri::command]
pub async fn choose_strategies(
    state: State<'_, AppState>,
    id: ReflectionId,
    strategies: Vec<Strategy>,
) -> Result<ReflectionView, AppError> {
    state
        .with_store(move |s| s.choose_strategies(id, &strategies))
        .await
        .map(view)
}

#[tauri::command]
pub async fn add_move(
    state: State<'_, AppState>,
    id: ReflectionId,
    draft: MoveDraft,
) -> Result<Move, AppError> {
    let valid = draft.validate(today(), None)?;
    state.with_store(move |s| s.add_move(id, &valid)).await
}

#[tauri::command]
pub async fn update_move(
    state: State<'_, AppState>,
    move_id: MoveId,
    draft: MoveDraft,
) -> Result<Move, AppError> {
    let today = today();
    state
        .with_store(move |s| {
            let current = s.reflection_move(move_id)?;
            let valid = draft.validate(today, Some(current.due))?;
            s.update_move(move_id, &valid)
        })
        .await
}

/// Marks a move done on `done_on` (default today) with a note on how it went.
#[tauri::command]
pub async fn complete_move(
    state: State<'_, AppState>,
    move_id: MoveId,
    done_on: Option<String>,
    outcome: String,
) -> Result<Move, AppError> {
    let done_on = check_done_on(done_on.as_deref(), today())?;
    state
        .with_store(move |s| s.complete_move(move_id, done_on, &outcome))
        .await
}

#[tauri::command]
pub async fn due_check_ins(state: State<'_, AppState>) -> Result<Vec<CheckIn>, AppError> {
    let today = today();
    state.with_store(move |s| s.due_check_ins(today)).await
}

#[tauri::command]
pub async fn answer_check_in(
    state: State<'_, AppState>,
    id: CheckInId,
    outcome: CheckInOutcome,
    note: String,
) -> Result<CheckIn, AppError> {
    let today = today();
    state
        .with_store(move |s| s.answer_check_in(id, outcome, &note, today))
        .await
}

#[tauri::command]
pub async fn finish_reflection(
    state: State<'_, AppState>,
    id: ReflectionId,
) -> Result<ReflectionView, AppError> {
    state
        .with_store(move |s| s.finish_reflection(id))
        .await
        .map(view)
}

#[tauri::command]
pub async fn set_aside_reflection(
    state: State<'_, AppState>,
    id: ReflectionId,
    reason: String,
) -> Result<ReflectionView, AppError> {
    state
        .with_store(move |s| s.set_aside_reflection(id, &reason))
        .await
        .map(view)
}

#[tauri::command]
pub async fn what_has_worked(state: State<'_, AppState>) -> Result<Vec<StrategyRecord>, AppError> {
    state.with_insight(|s| worked(s)).await
}

/// Every slump so far, newest first, with how each ended ("past stretches like this").
#[tauri::command]
pub async fn get_slump_history(state: State<'_, AppState>) -> Result<Vec<PastSlump>, AppError> {
    let today = today();
    state
        .with_insight(move |s| {
            let settings = settings_of(s)?;
            past_slumps(s, today, &settings)
        })
        .await
}
