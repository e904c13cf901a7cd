//! Fuzzes the Day One zip importer (`traj import --format dayone` on a `.zip`). Input that
//! starts with the zip signature is read as it is (the zip reader, its CRC checks and the size
//! cap meet damaged zips); any other input describes a zip that `zip_of` builds, so the fuzzer
//! also reaches the journals inside a zip with correct checksums.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trajectory_exchange::Format;
use trajectory_fuzz::{ZIP_SIGNATURE, import, zip_of};

fuzz_target!(|data: &[u8]| {
    if data.starts_with(ZIP_SIGNATURE) {
        import(Format::DayOne, data);
    } else if let Some(zip) = zip_of(data) {
        import(Format::DayOne, &zip);
    }
});
