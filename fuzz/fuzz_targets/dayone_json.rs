//! Fuzzes the Day One JSON importer (`traj import --format dayone` on a `.json`). Input that
//! starts like a zip is left to the `dayone_zip` target.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trajectory_exchange::Format;
use trajectory_fuzz::ZIP_SIGNATURE;

fuzz_target!(|data: &[u8]| {
    if !data.starts_with(ZIP_SIGNATURE) {
        trajectory_fuzz::import(Format::DayOne, data);
    }
});
