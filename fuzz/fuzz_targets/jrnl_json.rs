//! Fuzzes the `jrnl --export json` importer (`traj import --format jrnl-json`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use trajectory_exchange::Format;

fuzz_target!(|data: &[u8]| trajectory_fuzz::import(Format::JrnlJson, data));
