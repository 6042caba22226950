#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sunting_fuzz::check(data));
