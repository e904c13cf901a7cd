//! What the fuzz targets do with the fuzzer's bytes: read them as an import does before it
//! writes anything, and check what came out. Any panic, hang or runaway allocation on the way
//! is a finding; a typed refusal is the expected answer to bad input.

use std::io::Write;

use trajectory_exchange::{Format, Parsed, native, parse};

/// Reads `bytes` as `format` and takes every step an import takes before its transaction:
/// each entry read from another tool goes through the core's rules (the check
/// `Store::import_entries` makes), and a refusal is turned into its message and code as the
/// CLI and the app do. A Trajectory file must also survive export: written back out and read
/// again, it is the same journal.
pub fn import(format: Format, bytes: &[u8]) {
    match parse(format, bytes) {
        Ok(Parsed::Entries(parsed)) => {
            for entry in parsed.entries {
                if let Err(refusal) = entry.draft.validate() {
                    let _ = (refusal.to_string(), refusal.code());
                }
            }
        }
        Ok(Parsed::Snapshot(snapshot)) => {
            let written = native::to_json(&snapshot).expect("a snapshot that was read is written");
            let again = native::parse(written.as_bytes()).expect("a written snapshot reads back");
            assert_eq!(
                *snapshot, again,
                "export and import again changed the journal"
            );
        }
        Err(refusal) => {
            let _ = (refusal.to_string(), refusal.code());
        }
    }
}

/// The zip signature every Day One zip starts with (`PK\x03\x04`).
pub const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";

/// Builds a well-formed zip from a plain description, so the fuzzer reaches what lies inside a
/// zip (a mutated deflate stream or a changed byte under a CRC is refused before any JSON is
/// read). The description is a flags byte, then file names and contents separated by NUL
/// bytes: `flags name\0content\0name\0content…`. Bit `i % 8` of the flags deflates file `i`
/// (otherwise it is stored). `None` when the zip writer refuses the description (a repeated
/// name, say): that is the writer's rule, not the importer's.
pub fn zip_of(description: &[u8]) -> Option<Vec<u8>> {
    let (&flags, rest) = description.split_first()?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut parts = rest.split(|b| *b == 0);
    let mut index = 0;
    while let Some(name) = parts.next() {
        let content = parts.next().unwrap_or_default();
        let method = if flags & (1 << (index % 8)) != 0 {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(String::from_utf8_lossy(name), options)
            .ok()?;
        zip.write_all(content).ok()?;
        index += 1;
    }
    Some(zip.finish().ok()?.into_inner())
}
