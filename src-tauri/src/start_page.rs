//! The window's first page served with what its first screen needs inside it, as a JSON data
//! block: the desktop's font, where the journal stands and the timeline's newest entries, so
//! the first screen is drawn without waiting for a round trip to ask for them (decision 0064).

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{App, Assets, Context, Runtime};

use serde::Serialize;
use trajectory_core::EntryPage;

use crate::state::{AppState, JournalStatus, StartSource};

/// How many entries the first page carries: the window's page size (`PAGE_SIZE` in
/// `ui/src/lib/journal/rows.ts`). The window takes them, and its page paints them, only when
/// the two agree.
pub const FIRST_PAGE_SIZE: u32 = 100;

/// The id of the data block (`START_DATA_ID` in `ui/src/lib/startup/start-block.ts`; read by the
/// page's first-screen script and by the app as it starts).
pub const START_DATA_ID: &str = "start-data";

/// The page that holds the window's script: the only asset that gets the data.
const PAGE: &str = "/index.html";

/// What the window's page carries for its first screen (decision 0064).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StartData {
    /// The desktop's interface font family, for the page to use by name (decision 0063);
    /// `None` without a desktop setting (the page keeps its generic sans-serif).
    pub ui_font: Option<String>,
    /// Where the journal stands; `None` when it could not be read at once (still being opened,
    /// or in use): the window then asks for it.
    pub status: Option<JournalStatus>,
    /// The newest `page_size` entries when the journal is open; `None` otherwise (the window
    /// asks for them if it needs them).
    pub first_page: Option<EntryPage>,
    pub page_size: u32,
}

/// What the page's data is read from once the app is set up.
struct Served {
    source: StartSource,
    ui_font: Option<String>,
}

impl Served {
    fn start_data(&self) -> StartData {
        let (status, first_page) = match self.source.journal_now(FIRST_PAGE_SIZE) {
            Some((status, page)) => (Some(status), page),
            None => (None, None),
        };
        StartData {
            ui_font: self.ui_font.clone(),
            status,
            first_page,
            page_size: FIRST_PAGE_SIZE,
        }
    }
}

/// The bundled front end, with the data added to its page when the journal can tell it at
/// once. Everything else is served as built.
struct StartPage<R: Runtime> {
    built: Box<dyn Assets<R>>,
    source: Link,
}

type Link = Arc<OnceLock<Served>>;

/// Connects the served page to the app's journal once the journal is there (`setup`).
#[derive(Clone)]
pub struct StartLink(Link);

impl StartLink {
    /// The page carries start data from now on: `state`'s journal and the desktop's font
    /// family `ui_font` (read on the window's thread, see `webview::desktop_font_family`).
    pub fn serve_from(&self, state: &AppState, ui_font: Option<String>) {
        let _ = self.0.set(Served {
            source: state.start_source(),
            ui_font,
        });
    }
}

/// Nothing at all: what `context` holds for the moment [`install`] takes its assets out.
struct NoAssets;

impl<R: Runtime> Assets<R> for NoAssets {
    fn get(&self, _: &AssetKey) -> Option<Cow<'_, [u8]>> {
        None
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

/// Serves `context`'s bundled front end with the start data in its page, once the returned
/// link is given the app's state; until then, as built.
pub fn install<R: Runtime>(context: &mut Context<R>) -> StartLink {
    let source = Link::default();
    let built = context.set_assets(Box::new(NoAssets));
    context.set_assets(Box::new(StartPage {
        built,
        source: source.clone(),
    }));
    StartLink(source)
}

impl<R: Runtime> Assets<R> for StartPage<R> {
    fn setup(&self, app: &App<R>) {
        self.built.setup(app);
    }

    /// Runs on the async runtime's threads, not the window's; the journal is only read if no
    /// one holds it (see [`StartSource::journal_now`]), never waited for.
    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        let asset = self.built.get(key)?;
        if key.as_ref() != PAGE {
            return Some(asset);
        }
        let data = self.source.get().map(Served::start_data);
        match data.and_then(|data| with_start_data(&asset, &data)) {
            Some(page) => Some(Cow::Owned(page.into_bytes())),
            None => Some(asset),
        }
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        self.built.iter()
    }

    fn csp_hashes(&self, html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        self.built.csp_hashes(html_path)
    }
}

/// `html` with `data` as a JSON data block (`<script type="application/json">`, which is never
/// run) just before `</head>`; `None` when the page has no head or the data cannot be written.
pub fn with_start_data(html: &[u8], data: &StartData) -> Option<String> {
    let html = std::str::from_utf8(html).ok()?;
    let head_end = html.find("</head>")?;
    let json = serde_json::to_string(data).ok()?;
    Some(format!(
        "{}<script type=\"application/json\" id=\"{START_DATA_ID}\">{}</script>\n  {}",
        &html[..head_end],
        json_inside_html(&json),
        &html[head_end..]
    ))
}

/// JSON that reads the same to `JSON.parse` and cannot end or change the HTML around it: `<`,
/// `>` and `&` are written as `\u` escapes, so the person's text can hold `</script>` or
/// `<!--` and stay text. `_` is escaped too: Tauri replaces its CSP nonce placeholders
/// (`__TAURI_SCRIPT_NONCE__`) anywhere in a page it serves, and an entry may hold one.
/// (Outside strings JSON has none of these characters, so only strings change.)
pub fn json_inside_html(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '_' => out.push_str("\\u005f"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::JournalState;

    fn status() -> JournalStatus {
        JournalStatus {
            state: JournalState::Locked,
            message: Some("</script><script>alert(1)</script> & <!-- __TAURI_STYLE_NONCE__".into()),
            encrypted: true,
            data_dir: Some("/home/a_person/journal".into()),
        }
    }

    fn locked_data() -> StartData {
        StartData {
            ui_font: Some("Cantarell".into()),
            status: Some(status()),
            first_page: None,
            page_size: FIRST_PAGE_SIZE,
        }
    }

    #[test]
    fn escaped_json_reads_the_same_and_holds_no_markup_characters() {
        let json = serde_json::to_string(&status()).unwrap();
        let inside = json_inside_html(&json);
        assert!(!inside.contains(['<', '>', '&', '_']), "{inside}");
        let back: serde_json::Value = serde_json::from_str(&inside).unwrap();
        let original: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn the_data_block_goes_just_before_the_end_of_the_head() {
        let data = locked_data();
        let html = "<html><head><title>T</title></head><body></body></html>";
        let page = with_start_data(html.as_bytes(), &data).unwrap();
        let (before, after) = page.split_once("<script").unwrap();
        assert_eq!(before, "<html><head><title>T</title>");
        assert!(after.starts_with(" type=\"application/json\" id=\"start-data\">{"));
        assert!(
            page.ends_with("</script>\n  </head><body></body></html>"),
            "{page}"
        );
        assert_eq!(page.matches("</script>").count(), 1);
    }

    #[test]
    fn a_page_without_a_head_is_left_as_built() {
        let data = locked_data();
        assert_eq!(with_start_data(b"<p>no head</p>", &data), None);
        assert_eq!(with_start_data(&[0xff, 0xfe], &data), None);
    }
}
