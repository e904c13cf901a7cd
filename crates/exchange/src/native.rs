//! Trajectory's own JSON export: the whole journal as a versioned [`Snapshot`]
//! (docs/FORMAT.md).

use serde::Deserialize;
use trajectory_core::{SNAPSHOT_FORMAT, SNAPSHOT_VERSION, Snapshot};

use crate::error::ExchangeError;
use crate::jrnl::utf8;

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<serde_json::Value>,
}

/// Reads a Trajectory JSON export. The `format` and `version` are checked before the rest,
/// so a file from a newer version is refused with that reason rather than a parse error.
pub fn parse(bytes: &[u8]) -> Result<Snapshot, ExchangeError> {
    let text = utf8(bytes)?;
    let header: Header = serde_json::from_str(text).map_err(|e| ExchangeError::json(&e))?;
    if header.format.as_deref() != Some(SNAPSHOT_FORMAT) {
        return Err(ExchangeError::malformed(
            "the file",
            "it is not a Trajectory export (its \"format\" is not \"trajectory\")",
        ));
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if (1..=u64::from(SNAPSHOT_VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(SNAPSHOT_VERSION) => {
            return Err(ExchangeError::Store(
                trajectory_store::StoreError::UnsupportedExport {
                    found: u32::try_from(v).unwrap_or(u32::MAX),
                    supported: SNAPSHOT_VERSION,
                },
            ));
        }
        _ => {
            return Err(ExchangeError::malformed(
                "the file",
                "its \"version\" is missing or not a version number",
            ));
        }
    }
    serde_json::from_str(text).map_err(|e| ExchangeError::json(&e))
}

/// Writes a snapshot as pretty-printed JSON, ending with a newline.
pub fn to_json(snapshot: &Snapshot) -> Result<String, ExchangeError> {
    let mut text =
        serde_json::to_string_pretty(snapshot).map_err(|e| ExchangeError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
