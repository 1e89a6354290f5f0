//! The store under crashes, concurrent writers, read-only mounts and damage:
//! `kill -9` of an ingest at many moments leaves the old or the new state,
//! two ingests at once lose nothing, queries never write, a damaged index is
//! reported with the command that rebuilds it.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use assert_cmd::cargo::cargo_bin;
use predicates::prelude::*;
use tempfile::TempDir;

fn bin() -> PathBuf {
    cargo_bin("budgetq")
}

fn budgetq(index: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(bin());
    cmd.arg("--index").arg(index).env_remove("BUDGETQ_INDEX");
    cmd
}

/// A folder of `n` variants of the seed report (other years in the header, one
/// line of its own each, so none is a copy of another).
fn copies(root: &Path, prefix: &str, n: usize) -> PathBuf {
    let seed = std::fs::read_to_string(common::shipped_corpora().join("xigong-2023.txt")).unwrap();
    let base = if prefix == "b" { 1960 } else { 1995 };
    let dir = root.join(prefix);
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..n {
        let year = base + i;
        let text = seed.replacen("years: 2023/2024", &format!("years: {year}/{}", year + 1), 1)
            + &format!("\n附注：{prefix}{i}。\n");
        std::fs::write(dir.join(format!("{prefix}-{i:02}.txt")), text).unwrap();
    }
    dir
}

fn ids(index: &Path) -> BTreeSet<String> {
    let out = budgetq(index).args(["reports", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// The ids the reports of `dir` get in an index of their own.
fn ids_in(dir: &Path) -> BTreeSet<String> {
    let scratch = TempDir::new().unwrap();
    budgetq(scratch.path())
        .args(["ingest", "--quiet"])
        .arg(dir)
        .assert()
        .success();
    ids(scratch.path())
}

fn answers(index: &Path) {
    budgetq(index)
        .args(["search", "政府债券利息"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3824.35"));
    budgetq(index)
        .args(["ask", "2023年西工区政府债券实际支付利息是多少"])
        .assert()
        .success();
}

/// A small deterministic pseudo-random sequence (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn kill_during_ingest_leaves_the_old_or_the_new_state() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let a = common::shipped_corpora();
    let b = copies(tmp.path(), "b", 30);
    let c = copies(tmp.path(), "c", 10);
    budgetq(&index).arg("ingest").arg(&a).assert().success();
    let set_a = ids(&index);
    let set_b = ids_in(&b);
    let set_c = ids_in(&c);
    // How long a whole rebuild takes, to spread the kills over it.
    let started = Instant::now();
    budgetq(&index).args(["ingest", "--rebuild"]).arg(&b).assert().success();
    let span = started.elapsed().as_millis() as u64 + 50;
    let mut current = ids(&index);
    assert_eq!(current, set_b);
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("kill test: seed {seed}, a rebuild takes {span} ms");
    let mut rng = Lcg(seed);
    let mut outcomes = [0usize; 2];
    for round in 0..24 {
        let (args, target): (Vec<&Path>, BTreeSet<String>) = if round % 3 == 2 {
            (vec![c.as_path()], current.union(&set_c).cloned().collect())
        } else if current == set_a {
            (vec![b.as_path()], set_b.clone())
        } else {
            (vec![a.as_path()], set_a.clone())
        };
        let rebuild = round % 3 != 2;
        let mut cmd = Command::new(bin());
        cmd.arg("--index").arg(&index).arg("ingest").arg("--quiet");
        if rebuild {
            cmd.arg("--rebuild");
        }
        let mut child = cmd
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next() % span));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = ids(&index);
        assert!(
            now == current || now == target,
            "round {round} (seed {seed}): {} reports, neither the old state ({}) nor the new ({})",
            now.len(),
            current.len(),
            target.len()
        );
        outcomes[usize::from(now == target && now != current)] += 1;
        current = now;
        answers(&index);
    }
    eprintln!(
        "kill test: {} kills left the old state, {} the new",
        outcomes[0], outcomes[1]
    );
}

#[test]
fn two_ingests_at_once_lose_nothing() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let b = copies(tmp.path(), "b", 12);
    let c = copies(tmp.path(), "c", 12);
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    let spawn = |dir: &Path| {
        Command::new(bin())
            .arg("--index")
            .arg(&index)
            .args(["ingest", "--quiet"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn(&b);
    let second = spawn(&c);
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut want: BTreeSet<String> = ids_in(&b).union(&ids_in(&c)).cloned().collect();
    want.insert("xigong-2023".to_string());
    assert_eq!(ids(&index), want);
    answers(&index);
}

/// Every file of a folder with its size and modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                out.push((entry.path(), meta.len(), meta.modified().unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn set_read_only(dir: &Path, read_only: bool) {
    let status = Command::new("chmod")
        .args(["-R", if read_only { "a-w" } else { "u+w" }])
        .arg(dir)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn queries_never_write_and_a_read_only_index_answers() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    let before = snapshot(&index);
    answers(&index);
    budgetq(&index).args(["facts", "--metric", "利息"]).assert().success();
    budgetq(&index).args(["summary", "xigong-2023"]).assert().success();
    assert_eq!(snapshot(&index), before, "a query changed a file of the index");

    set_read_only(&index, true);
    // As root, permissions do not bite: the snapshot above is the check that counts.
    let probe = index.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        eprintln!("read-only check skipped: running as a user whom chmod does not restrict (root)");
    } else {
        answers(&index);
        budgetq(&index).args(["reports"]).assert().success();
        budgetq(&index)
            .arg("ingest")
            .arg(common::shipped_corpora())
            .assert()
            .code(2);
    }
    set_read_only(&index, false);
    assert_eq!(snapshot(&index), before);
}

#[test]
fn a_damaged_index_is_reported_with_the_rebuild_command() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    let store_file = std::fs::read_dir(index.join("store"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .unwrap();
    std::fs::remove_file(&store_file).unwrap();
    let before = snapshot(&index);
    for args in [&["search", "利息"][..], &["ask", "西工区政府债券利息"], &["reports"]] {
        budgetq(&index)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("damaged").and(predicate::str::contains("ingest --rebuild")));
    }
    assert_eq!(snapshot(&index), before, "a query on a damaged index changed it");
    // A plain ingest refuses too; a rebuild repairs.
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .code(2);
    budgetq(&index)
        .args(["ingest", "--rebuild"])
        .arg(common::shipped_corpora())
        .assert()
        .success();
    answers(&index);

    std::fs::remove_file(index.join("store").join("meta.json")).unwrap();
    budgetq(&index)
        .args(["search", "利息"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ingest --rebuild"));
}

#[test]
fn a_failed_rebuild_leaves_the_old_index() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    budgetq(&index)
        .args(["ingest", "--rebuild", "/no/such/folder"])
        .assert()
        .code(2);
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    budgetq(&index)
        .args(["ingest", "--rebuild"])
        .arg(&empty)
        .assert()
        .code(2);
    assert_eq!(ids(&index), BTreeSet::from(["xigong-2023".to_string()]));
    answers(&index);
}

#[test]
fn unchanged_files_are_skipped_and_reports_can_be_removed() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let b = copies(tmp.path(), "b", 3);
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .arg(&b)
        .assert()
        .success();
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .arg(&b)
        .assert()
        .success()
        .stdout(predicate::str::contains("ingested 0 reports").and(predicate::str::contains("4 unchanged")));
    // A changed file is read again.
    let changed = b.join("b-01.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replacen("3824.35", "3999.99", 1)).unwrap();
    budgetq(&index)
        .arg("ingest")
        .arg(&b)
        .assert()
        .success()
        .stdout(predicate::str::contains("ingested 1 reports"));
    let b_ids: Vec<String> = ids_in(&b).into_iter().collect();
    assert_eq!(b_ids.len(), 3);
    budgetq(&index).arg("remove").args(&b_ids).assert().success();
    assert_eq!(ids(&index), BTreeSet::from(["xigong-2023".to_string()]));
    budgetq(&index)
        .args(["remove", "no-such-report"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such report"));
    answers(&index);
}

#[test]
fn a_quoted_phrase_matches_inside_longer_words() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    budgetq(&index)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    // The seed says 一般债券利息 and 专项债券利息; jieba segments neither as 债券利息.
    budgetq(&index)
        .args(["search", "\"债券利息\""])
        .assert()
        .success()
        .stdout(predicate::str::contains("3824.35"));
    budgetq(&index).args(["search", "\"债券利息不存在\""]).assert().code(1);
}
