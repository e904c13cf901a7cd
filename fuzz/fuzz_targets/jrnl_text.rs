//! Fuzzes the jrnl plain-text importer (`traj import --format jrnl`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use trajectory_exchange::Format;

fuzz_target!(|data: &[u8]| trajectory_fuzz::import(Format::Jrnl, data));
