//! Metadata inference on real excerpts with their header blocks removed: region
//! and years must still come out right for at least 22 of the 26 reports.

mod common;

use budgetq::ingest::{decode::decode, header::split_header, parse_report};
use budgetq::region::short_name;

#[test]
fn region_and_years_inferred_without_headers() {
    let Some(dir) = common::shared_corpora() else {
        eprintln!("../shared/corpora not present; skipped");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut right = 0;
    let mut misses = Vec::new();
    for path in &files {
        let text = decode(&std::fs::read(path).unwrap()).unwrap();
        let (header, body) = split_header(&text);
        let header = header.expect("shared files have headers");
        let report = parse_report(body, path).expect("readable");
        let want_region = short_name(header.region.as_deref().unwrap());
        let got_region = short_name(&report.meta.region);
        let want_years = header.years.unwrap();
        if got_region == want_region && report.meta.years == want_years {
            right += 1;
        } else {
            misses.push(format!(
                "{}: got {} {} want {} {}",
                path.display(),
                got_region,
                report.meta.years,
                want_region,
                want_years
            ));
        }
    }
    eprintln!(
        "{right}/{} inferred correctly; misses:\n{}",
        files.len(),
        misses.join("\n")
    );
    assert!(files.len() >= 26, "expected the 26 shared reports");
    assert!(right >= 22, "only {right} of {} right", files.len());
}
