//! The command line as a user drives it: exit codes, formats, rule files, errors, fixes.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn copydesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run copydesk")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ARTICLE: &str = "Floods close roads in Valencia – Europe\n\nValencia, 7 March 2024 – Rain  fell for the the third day.\n\nLeave a Comment\n";

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("story.txt"), ARTICLE).expect("write");
    dir
}

#[test]
fn concise_output_and_exit_code() {
    let dir = workspace();
    let o = copydesk(
        dir.path(),
        &["check", "--format", "concise", "--no-config", "story.txt"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("story.txt:1:31: warning[residue/title-section]"),
        "{out}"
    );
    assert!(
        out.contains("story.txt:3:30: warning[spacing/double-space]"),
        "{out}"
    );
    assert!(
        out.contains(
            "story.txt:5:1: error[residue/comment-form] Comment-form residue: “Leave a Comment”"
        ),
        "{out}"
    );
    assert!(
        out.contains("warning[spacing/repeated-word] “the” is repeated"),
        "{out}"
    );
    // fail-on error: the comment form is an error, so still 1; ignoring it leaves warnings → 0.
    let o = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--fail-on",
            "error",
            "--ignore",
            "residue/comment-form",
            "story.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn json_follows_the_contract() {
    let dir = workspace();
    let o = copydesk(dir.path(), &["check", "--format", "json", "story.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    assert_eq!(v["version"], 1);
    let diags = v["diagnostics"].as_array().expect("diagnostics array");
    assert_eq!(
        v["summary"]["diagnostics"].as_u64(),
        Some(diags.len() as u64)
    );
    assert_eq!(v["summary"]["files"], 1);
    for d in diags {
        for key in [
            "path", "rule", "severity", "message", "span", "start", "end",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= ARTICLE.len());
    }
    let rep = diags
        .iter()
        .find(|d| d["rule"] == "spacing/repeated-word")
        .expect("repeated word");
    let (s, e) = (
        rep["span"]["start"].as_u64().unwrap() as usize,
        rep["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&ARTICLE[s..e], "the");
    assert_eq!(rep["start"]["line"], 3);
    assert_eq!(rep["start"]["column"], 45);
    assert_eq!(rep["fix"]["replacement"], "");
    assert_eq!(rep["fix"]["applicability"], "safe");
}

#[test]
fn json_offsets_are_bytes_of_the_file_with_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}“Ça va” – Kraków said\r\n\r\nShare on WhatsApp\r\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let o = copydesk(dir.path(), &["check", "--format", "json", "a.txt"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "residue/share-button");
    let s = d["span"]["start"].as_u64().unwrap() as usize;
    let e = d["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[s..e], "Share on WhatsApp");
    assert_eq!(d["start"]["line"], 3);
    assert_eq!(d["start"]["column"], 1);
}

#[test]
fn user_rule_file_flags_and_its_examples_run() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("desk.toml"),
        r#"
[[rule]]
id = "desk/rain"
kind = "pattern"
severity = "info"
message = "House style: “{w}”"
help = "We say showers."
pattern = '\b(?P<w>[Rr]ain)\b'
[[rule.example]]
flag = "Rain fell."
[[rule.example]]
pass = "Showers fell."
"#,
    )
    .unwrap();
    let o = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--rules",
            "desk.toml",
            "--select",
            "desk",
            "story.txt",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "info is below fail-on: {}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("story.txt:3:26: info[desk/rain] House style: “Rain”"),
        "{}",
        stdout(&o)
    );
    let o = copydesk(dir.path(), &["test-rules", "desk.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("2 examples: 2 passed, 0 failed"),
        "{}",
        stdout(&o)
    );
    // A wrong example fails the run.
    let broken = std::fs::read_to_string(dir.path().join("desk.toml"))
        .unwrap()
        .replace("Showers fell.", "Rain fell.");
    std::fs::write(dir.path().join("desk.toml"), broken).unwrap();
    let o = copydesk(dir.path(), &["test-rules", "desk.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("FAIL desk/rain"), "{}", stdout(&o));
}

#[test]
fn broken_rule_files_point_at_the_line() {
    let dir = workspace();
    let cases = [
        ("[[rule]]\nid = \"a/b\"\nkind = \"pattern\"\nmessage = \"m\"\npattern = '(unclosed'\n", "desk.toml:5:11", "invalid pattern"),
        ("[[rule]]\nid = \"a/b\"\nkind = \"regexp\"\n", "desk.toml:3:8", "unknown rule kind"),
        ("[[rule]]\nid = \"a/b\"\nkind = \"pattern\"\nmesage = \"m\"\n", "desk.toml:4:1", "unknown field"),
        ("[[rule]\nid = 1\n", "desk.toml:1:", "invalid rule file"),
        ("[[rule]]\nid = \"residue/comment-form\"\nkind = \"phrases\"\nmessage = \"m\"\nphrases = [\"x\"]\n[[rule.example]]\nflag = \"x\"\n[[rule.example]]\npass = \"y\"\n", "desk.toml:2:6", "duplicate rule id"),
        ("[[rule]]\nid = \"a/b\"\nkind = \"pattern\"\nmessage = \"m\"\npattern = 'x{1000}{1000}{1000}'\n", "desk.toml:5:11", "too large"),
        ("[[rule]]\nid = \"a/b\"\nkind = \"pattern\"\nmessage = \"m\"\npattern = 'x'\n", "desk.toml:2:6", "examples both ways"),
    ];
    for (src, at, what) in cases {
        std::fs::write(dir.path().join("desk.toml"), src).unwrap();
        let o = copydesk(dir.path(), &["check", "--rules", "desk.toml", "story.txt"]);
        assert_eq!(o.status.code(), Some(2), "{src}");
        let err = stderr(&o);
        assert!(err.contains(at), "expected {at} in:\n{err}");
        assert!(err.contains(what), "expected {what:?} in:\n{err}");
        assert!(
            stdout(&o).is_empty(),
            "nothing is linted with a half-loaded rule set"
        );
    }
}

#[test]
fn bad_files_get_an_error_and_the_rest_is_checked() {
    let dir = workspace();
    std::fs::write(dir.path().join("binary.txt"), b"abc\0def").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Krak\xf3w").unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let o = copydesk(dir.path(), &["check", "--format", "concise", "."]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        out.contains("binary.txt:1:1: error[io] binary file"),
        "{out}"
    );
    assert!(
        out.contains("latin1.txt:1:1: error[io] not valid UTF-8 (invalid byte at offset 4)"),
        "{out}"
    );
    assert!(
        out.contains("story.txt:5:1: error[residue/comment-form]"),
        "{out}"
    );
    let o = copydesk(
        dir.path(),
        &["check", "missing.txt", "story.txt", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["errors"][0]["path"], "missing.txt");
    assert!(v["summary"]["diagnostics"].as_u64().unwrap() > 0);
}

#[test]
fn config_file_is_discovered_and_applied() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "ignore = [\"spacing\"]\nfail-on = \"error\"\n[severity]\n\"residue/comment-form\" = \"info\"\n",
    )
    .unwrap();
    let o = copydesk(
        &dir.path().join("sub"),
        &["check", "--format", "concise", "../story.txt"],
    );
    let out = stdout(&o);
    assert!(!out.contains("spacing/"), "{out}");
    assert!(out.contains("info[residue/comment-form]"), "{out}");
    assert_eq!(o.status.code(), Some(0), "{out}");
    std::fs::write(dir.path().join("copydesk.toml"), "fail-on = \"fatal\"\n").unwrap();
    let o = copydesk(dir.path(), &["check", "story.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("copydesk.toml:1:11"), "{}", stderr(&o));
}

#[test]
fn unknown_selector_is_a_usage_error() {
    let dir = workspace();
    let o = copydesk(
        dir.path(),
        &["check", "--select", "nosuchpack", "story.txt"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("matches no rule"));
}

/// The JSON and SARIF reporters write each file's findings as they come (memory does not grow
/// with the run); the document must still be the canonical pretty print of itself, with or
/// without findings and errors.
#[test]
fn streamed_json_and_sarif_are_whole_documents() {
    let dir = workspace();
    std::fs::write(dir.path().join("clean.txt"), "Rain fell.\n").unwrap();
    for name in ["b.txt", "c.txt"] {
        std::fs::write(dir.path().join(name), ARTICLE).unwrap();
    }
    for args in [
        &["story.txt", "b.txt", "c.txt", "missing.txt"][..],
        &["clean.txt"][..],
        &["missing.txt"][..],
        &["story.txt"][..],
    ] {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let out = stdout(&copydesk(dir.path(), &all));
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        let pretty = serde_json::to_string_pretty(&v).unwrap() + "\n";
        assert_eq!(out, pretty, "{args:?}");
        let files = args.iter().filter(|a| **a != "missing.txt").count();
        assert_eq!(v["summary"]["files"], files);
        assert_eq!(
            v["diagnostics"].as_array().unwrap().len() as u64,
            v["summary"]["diagnostics"].as_u64().unwrap()
        );
        assert_eq!(v.get("errors").is_some(), args.contains(&"missing.txt"));

        all[2] = "sarif";
        let out = stdout(&copydesk(dir.path(), &all));
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        let run = &v["runs"][0];
        let per_file = if files == 0 || args == ["clean.txt"] {
            0
        } else {
            3
        };
        let results = run["results"].as_array().unwrap();
        assert!(results.len() >= per_file * files.min(3), "{args:?}");
        assert_eq!(
            run["invocations"][0]["executionSuccessful"],
            !args.contains(&"missing.txt")
        );
        assert!(!run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .is_empty());
    }
}

#[test]
fn sarif_and_github_formats() {
    let dir = workspace();
    let o = copydesk(dir.path(), &["check", "--format", "sarif", "story.txt"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
    let o = copydesk(dir.path(), &["check", "--format", "github", "story.txt"]);
    let out = stdout(&o);
    assert!(out.contains("::error file=story.txt,line=5,col=1,endLine=5,endColumn=16,title=residue/comment-form::Comment-form residue"), "{out}");
}

#[test]
fn fix_diff_and_idempotence() {
    let dir = workspace();
    let o = copydesk(dir.path(), &["check", "--diff", "story.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.txt")).unwrap(),
        ARTICLE,
        "--diff writes nothing"
    );
    let diff = stdout(&o);
    assert!(
        diff.contains("-Valencia, 7 March 2024 – Rain  fell for the the third day."),
        "{diff}"
    );
    assert!(
        diff.contains("+Valencia, 7 March 2024 – Rain fell for the third day."),
        "{diff}"
    );
    let o = copydesk(
        dir.path(),
        &["check", "--fix", "--format", "concise", "story.txt"],
    );
    let fixed = std::fs::read_to_string(dir.path().join("story.txt")).unwrap();
    assert_eq!(fixed, "Floods close roads in Valencia\n\nValencia, 7 March 2024 – Rain fell for the third day.\n\n", "{}", stdout(&o));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = copydesk(dir.path(), &["check", "--fix", "story.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.txt")).unwrap(),
        fixed,
        "a second run changes nothing"
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn stdin_with_a_filename() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "draft.txt",
            "-",
        ])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"It was was over.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("draft.txt:1:8: warning[spacing/repeated-word]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn rules_explain_inspect() {
    let dir = workspace();
    let o = copydesk(dir.path(), &["rules"]);
    assert!(stdout(&o).contains("residue/comment-form"));
    let o = copydesk(dir.path(), &["explain", "spacing/repeated-word"]);
    let out = stdout(&o);
    assert!(
        out.contains("What it does") && out.contains("flagged:") && out.contains("not flagged:"),
        "{out}"
    );
    assert_eq!(
        copydesk(dir.path(), &["explain", "nope/nope"])
            .status
            .code(),
        Some(2)
    );
    let o = copydesk(dir.path(), &["inspect", "story.txt"]);
    let out = stdout(&o);
    assert!(out.contains("dateline: 2024-03-07"), "{out}");
    assert!(out.contains("place Valencia"), "{out}");
}

#[test]
fn full_report_shows_spans_with_miette() {
    let dir = workspace();
    let o = copydesk(dir.path(), &["check", "story.txt"]);
    let out = stdout(&o);
    assert!(out.contains("residue/comment-form"), "{out}");
    assert!(out.contains("╭─[story.txt:5:1]"), "{out}");
    assert!(
        out.contains("safe fix: delete “the”") || out.contains("safe fix: delete “ the”"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "no colour when NO_COLOR is set / not a terminal"
    );
    assert!(out.contains("in 1 file"), "{out}");
}

#[test]
fn compare_versions_of_a_story() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Quake hits Anatolia\n\nRescuers said more than 300 people died. President Recep Erdogan visited at 10 am in Ankara (7 am GMT).\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Quake hits Anatolia\n\nRescuers said more than 340 people died. President Recep Erdoğan visited at 10 am in Ankara (8 am GMT).\n",
    )
    .unwrap();
    let o = copydesk(
        dir.path(),
        &["compare", "--format", "json", "a.txt", "b.txt"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let msgs: Vec<&str> = diags.iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("340") && m.contains("300")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("Recep Erdoğan") && m.contains("Recep Erdogan")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("8 am GMT") && m.contains("7 am GMT")),
        "{msgs:?}"
    );
    assert!(diags
        .iter()
        .all(|d| d["path"] == "b.txt" && d["related"][0]["path"] == "a.txt"));
    let o = copydesk(dir.path(), &["compare", "a.txt", "a.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn suppressions_in_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s.txt"),
        "The talks  resumed.\ncopydesk-disable-next-line spacing/double-space\nThe talks  resumed.\ncopydesk-disable residue\nShare on WhatsApp\ncopydesk-enable residue\nShare on WhatsApp\ncopydesk-disable-next-line residue\nFine text.\ncopydesk-disable nosuch/rule\n",
    )
    .unwrap();
    let o = copydesk(dir.path(), &["check", "--format", "concise", "s.txt"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            "s.txt:1:10: warning[spacing/double-space] Two or more spaces inside a sentence",
            "s.txt:7:1: error[residue/share-button] Share-button residue: “Share on WhatsApp”",
            "s.txt:8:1: info[copydesk/unused-suppression] This suppression suppressed nothing",
            "s.txt:10:1: info[copydesk/unknown-rule] Suppression names no known rule or pack: nosuch/rule",
        ],
        "{out}"
    );
}

#[test]
fn fix_keeps_bom_and_crlf_and_touches_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}Talks in Lisbon\r\n\r\nThe envoy said the the talks  ended.\r\nKraków, “quoted”, stays.\r\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let o = copydesk(
        dir.path(),
        &["check", "--fix", "--format", "concise", "a.txt"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let fixed = std::fs::read(dir.path().join("a.txt")).unwrap();
    let expected = "\u{feff}Talks in Lisbon\r\n\r\nThe envoy said the talks ended.\r\nKraków, “quoted”, stays.\r\n";
    assert_eq!(String::from_utf8(fixed).unwrap(), expected);
}

#[test]
fn fixing_every_fixture_is_idempotent() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for set in ["glitched", "clean", "markdown", "html"] {
        for e in std::fs::read_dir(root.join(set)).unwrap().flatten() {
            let p = e.path();
            if p.file_name()
                .is_some_and(|f| f == "README.md" || f == "truth.tsv")
            {
                continue;
            }
            let name = format!("{set}-{}", p.file_name().unwrap().to_string_lossy());
            std::fs::copy(&p, dir.path().join(&name)).unwrap();
            copydesk(dir.path(), &["check", "--fix", "--unsafe-fixes", &name]);
            let once = std::fs::read(dir.path().join(&name)).unwrap();
            copydesk(dir.path(), &["check", "--fix", "--unsafe-fixes", &name]);
            let twice = std::fs::read(dir.path().join(&name)).unwrap();
            assert_eq!(once, twice, "{name}: a second --fix changed the file");
            if set == "clean" {
                assert_eq!(
                    once,
                    std::fs::read(&p).unwrap(),
                    "{name}: a clean fixture was changed"
                );
            }
            n += 1;
        }
    }
    assert!(n >= 10);
}

#[test]
fn fixed_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "It was was over.\n").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    copydesk(dir.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "It was over.\n");
    assert_eq!(
        std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn hostile_inputs_finish_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    // A symlink loop, an empty file, a long single line, an 8 KB token, a file of quotes.
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("line.txt"),
        "Talks resumed, the envoy said. ".repeat(20_000),
    )
    .unwrap();
    std::fs::write(dir.path().join("token.txt"), "aB".repeat(4_000)).unwrap();
    std::fs::write(dir.path().join("quotes.txt"), "“”„«»\"'’‘".repeat(2_000)).unwrap();
    let o = copydesk(dir.path(), &["check", "--format", "json", "."]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    assert_eq!(v["summary"]["files"], 4);
    // A dangling link in a folder is not an article; named on the command line, it is a
    // per-file error (as is a file removed between listing and reading) and the rest is checked.
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("removed.txt"))
        .unwrap();
    let o = copydesk(dir.path(), &["check", "--format", "json", "."]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let o = copydesk(
        dir.path(),
        &["check", "--format", "json", "removed.txt", "empty.txt"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    assert_eq!(v["errors"][0]["path"], "removed.txt", "{v}");
}

/// A rule file with 10,000 rules loads and runs; a nested quantifier that takes exponential
/// time in a backtracking engine runs in linear time on a long line.
#[test]
fn ten_thousand_rules_and_a_nested_quantifier() {
    let dir = workspace();
    let mut rules = String::new();
    for i in 0..10_000 {
        rules.push_str(&format!(
            "[[rule]]\nid = \"desk/word-{i}\"\nkind = \"pattern\"\nmessage = \"Avoid zq{i}x\"\npattern = '\\bzq{i}x\\b'\n[[rule.example]]\nflag = \"The zq{i}x rose.\"\n[[rule.example]]\npass = \"The price rose.\"\n\n"
        ));
    }
    rules.push_str("[[rule]]\nid = \"desk/nested\"\nkind = \"pattern\"\nmessage = \"nested\"\nscope = \"line\"\npattern = '^(a+)+b$'\n[[rule.example]]\nflag = \"aaab\"\n[[rule.example]]\npass = \"aaac\"\n");
    std::fs::write(dir.path().join("desk.toml"), rules).unwrap();
    std::fs::write(
        dir.path().join("evil.txt"),
        format!("{}!\n{}b\n", "a".repeat(50_000), "a".repeat(50_000)),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("words.txt"),
        "Prices fell. The zq9999x rose on Monday.\n",
    )
    .unwrap();
    let o = copydesk(
        dir.path(),
        &[
            "check",
            "--rules",
            "desk.toml",
            "--format",
            "concise",
            "evil.txt",
            "words.txt",
            "story.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("words.txt:1:18: warning[desk/word-9999]"),
        "{out}"
    );
    assert!(out.contains("evil.txt:2:1: warning[desk/nested]"), "{out}");
    assert!(!out.contains("evil.txt:1:1: warning[desk/nested]"), "{out}");
    assert!(
        out.contains("story.txt:5:1: error[residue/comment-form]"),
        "{out}"
    );
}

#[test]
fn per_path_ignores_and_excludes_from_config() {
    let dir = workspace();
    std::fs::create_dir_all(dir.path().join("archive")).unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("archive/old.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("drafts/wip.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "exclude = [\"drafts/**\"]\n[per-path-ignores]\n\"archive/**\" = [\"residue\", \"spacing/repeated-word\"]\n",
    )
    .unwrap();
    let o = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "archive",
            "drafts",
            "story.txt",
        ],
    );
    let out = stdout(&o);
    assert!(!out.contains("drafts/"), "{out}");
    assert!(
        out.contains("archive/old.txt:3:30: warning[spacing/double-space]"),
        "{out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with("archive/")
            && (l.contains("[residue/") || l.contains("repeated-word"))),
        "{out}"
    );
    assert!(
        out.contains("story.txt:5:1: error[residue/comment-form]"),
        "{out}"
    );
}

/// Piping into a reader that stops early (`copydesk rules | head -1`) ends the run quietly with
/// SIGPIPE's status, never with a panic message.
#[cfg(unix)]
#[test]
fn closed_pipe_is_not_a_panic() {
    use std::os::unix::process::ExitStatusExt;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/glitched");
    for args in [
        vec!["rules"],
        vec![
            "inspect",
            "--tokens",
            "fixtures/glitched/001_valencia_floods.txt",
        ],
        vec!["check", "--format", "json", "fixtures/glitched"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn copydesk");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            out.status.success() || out.status.signal() == Some(13),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
    assert!(fixture.is_dir());
}

/// SIGTERM in the middle of `--fix` over many files: the run stops with 130, and every file is
/// either the original or the fully fixed text; no temporary file is left behind.
#[cfg(unix)]
#[test]
fn interrupted_fix_leaves_whole_files() {
    let dir = workspace();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/glitched/001_valencia_floods.txt");
    let original = std::fs::read_to_string(&fixture).expect("fixture");
    // The fully fixed text, from a run on one copy.
    let one = dir.path().join("one");
    std::fs::create_dir(&one).expect("mkdir");
    std::fs::write(one.join("a.txt"), &original).expect("write");
    copydesk(&one, &["check", "--fix", "--format", "concise", "a.txt"]);
    let fixed = std::fs::read_to_string(one.join("a.txt")).expect("read fixed");
    assert_ne!(fixed, original, "the fixture has safe fixes");

    let many = dir.path().join("many");
    std::fs::create_dir(&many).expect("mkdir");
    let n = 1500;
    for i in 0..n {
        std::fs::write(many.join(format!("a{i:04}.txt")), &original).expect("write");
    }
    let child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--fix", "--format", "concise", "."])
        .current_dir(&many)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Wait until the first file has been fixed, then interrupt.
    let start = std::time::Instant::now();
    loop {
        let any_fixed = std::fs::read_dir(&many)
            .expect("list")
            .flatten()
            .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t == fixed));
        if any_fixed || start.elapsed().as_secs() > 120 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
    let out = child.wait_with_output().expect("wait");
    let (mut whole_fixed, mut untouched) = (0, 0);
    for e in std::fs::read_dir(&many).expect("list").flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        assert!(
            name.starts_with('a') && name.ends_with(".txt"),
            "left behind: {name}"
        );
        let t = std::fs::read_to_string(e.path()).expect("read");
        if t == fixed {
            whole_fixed += 1;
        } else if t == original {
            untouched += 1;
        } else {
            panic!("{name} is neither the original nor the fixed text");
        }
    }
    assert_eq!(whole_fixed + untouched, n, "every file is still there");
    assert!(whole_fixed > 0);
    if out.status.code() == Some(130) {
        assert!(untouched > 0, "interrupted, yet every file was fixed");
        assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    } else {
        eprintln!("the run finished before the signal arrived; integrity checked only");
    }
}

#[test]
fn timings_list_every_selected_rule_on_stderr() {
    let dir = workspace();
    let o = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--no-config",
            "--timings",
            "--select",
            "spacing,residue/comment-form",
            "story.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // stdout stays machine-readable JSON; the table is on stderr.
    serde_json::from_str::<Value>(&stdout(&o)).expect("stdout is JSON");
    let err = stderr(&o);
    for row in [
        "spacing/double-space",
        "spacing/repeated-word",
        "residue/comment-form",
        "(parsing the article)",
        "(prefilter scan)",
        "total",
    ] {
        assert!(
            err.lines().any(|l| l.starts_with(row)),
            "no row for {row}:\n{err}"
        );
    }
    // Unselected rules are not listed.
    assert!(!err.contains("facts/world-leaders"), "{err}");
    assert!(err.trim_end().ends_with("100.0%"), "{err}");
}
