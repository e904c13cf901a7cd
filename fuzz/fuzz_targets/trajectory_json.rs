//! Fuzzes the importer of Trajectory's own JSON export (`traj import --format json`), and
//! checks that whatever it reads is written back and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trajectory_exchange::Format;

fuzz_target!(|data: &[u8]| trajectory_fuzz::import(Format::Json, data));
