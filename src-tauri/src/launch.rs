//! Launch options read from the command line: `--data-dir DIR` (or `--data-dir=DIR`), the test
//! clock `--today`, and the end-to-end aid `--hold-first-screen`.

use std::ffi::OsString;
use std::path::PathBuf;

/// The value of `--NAME VALUE` or `--NAME=VALUE`, if given. Other arguments are left alone.
fn option_arg(args: impl IntoIterator<Item = OsString>, name: &str) -> Option<OsString> {
    let flag = format!("--{name}");
    let prefix = format!("--{name}=");
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == flag.as_str() {
            return args.next();
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix(prefix.as_str())) {
            return Some(OsString::from(value));
        }
    }
    None
}

/// The value of `--data-dir`, if given.
pub fn data_dir_arg(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    option_arg(args, "data-dir").map(PathBuf::from)
}

/// The value of `--today` (a test clock; see `clock`), if given.
pub fn today_arg(args: impl IntoIterator<Item = OsString>) -> Option<String> {
    option_arg(args, "today").and_then(|v| v.into_string().ok())
}

/// Whether `--hold-first-screen` was given: a test aid (the end-to-end scenario that compares the
/// page's painted first screen with the app's, decision 0067). The page then waits to start the
/// app until the test calls `__trajectoryStartApp()`.
pub fn hold_first_screen_arg(args: impl IntoIterator<Item = OsString>) -> bool {
    args.into_iter().skip(1).any(|a| a == "--hold-first-screen")
}

/// Ends the process with a message instead of a panic when the window cannot start. The one
/// failure a person can meet here is opening a journal while its previous window is still
/// closing: the running instance holds the journal's name on the session bus but no longer
/// answers the hand-over.
pub fn exit_on_start_failure(error: &tauri::Error) -> ! {
    match error {
        tauri::Error::PluginInitialization(plugin, detail) if plugin == "single-instance" => {
            eprintln!(
                "trajectory: this journal is already open in a window that did not answer \
                 ({detail}); if it was just closed, start Trajectory again in a moment."
            );
        }
        other => eprintln!("trajectory: the window could not be started: {other}"),
    }
    std::process::exit(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn reads_both_spellings() {
        assert_eq!(
            data_dir_arg(args(&["app", "--data-dir", "/tmp/a"])),
            Some(PathBuf::from("/tmp/a"))
        );
        assert_eq!(
            data_dir_arg(args(&["app", "--other", "--data-dir=/tmp/b"])),
            Some(PathBuf::from("/tmp/b"))
        );
        assert_eq!(data_dir_arg(args(&["app"])), None);
        assert_eq!(data_dir_arg(args(&["app", "--data-dir"])), None);
        assert_eq!(
            today_arg(args(&["app", "--data-dir", "/x", "--today", "2027-01-02"])),
            Some("2027-01-02".to_owned())
        );
    }

    #[test]
    fn the_first_screen_is_held_only_when_asked() {
        assert!(hold_first_screen_arg(args(&["app", "--hold-first-screen"])));
        assert!(!hold_first_screen_arg(args(&["app", "--data-dir", "/x"])));
        assert!(!hold_first_screen_arg(args(&["--hold-first-screen"])));
    }
}
