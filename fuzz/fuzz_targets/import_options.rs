//! Import options (JSON, as `--import-options` reads them), then a small long CSV file and a
//! small Eurostat bulk TSV loaded with them.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const LONG: &[u8] = b"reporter,table,year,sex,category,value,flag\n\
KAZ,3,2015,T,Kyrgyzstan,120,\n\
KAZ,3,2015,M,Kyrgyzstan,70,\n\
KAZ,3,2015,F,Kyrgyzstan,50,e\n\
KAZ,3,2016,T,Total,900,\n";

const BULK: &[u8] = b"freq,partner,age,agedef,unit,sex,geo\\TIME_PERIOD\t2016 \t2017 \n\
A,BG,TOTAL,COMPLET,NR,T,BE\t120 \t: \n\
A,DE,TOTAL,COMPLET,NR,T,BE\t4 p\t7 \n";

fuzz_target!(init: common::quiet_caught_panics(), |data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(options) = migreview::load::ImportOptions::from_json(text) {
            common::load_with("f.csv", LONG, &options);
            common::load_with("f.tsv", BULK, &options);
        }
    }
});
