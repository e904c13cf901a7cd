//! Launch options read from the command line (`--data-dir DIR` or `--data-dir=DIR`).

use std::ffi::OsString;
use std::path::PathBuf;

/// The value of `--data-dir`, if given. Other arguments are left to Tauri.
pub fn data_dir_arg(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
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
    }
}
