//! The language server driven over stdio as a client does: initialize, open a document, receive
//! diagnostics, request code actions, apply the edit, see the diagnostic go, shut down.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start copydesk lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Client {
            child,
            stdin,
            stdout,
            next_id: 1,
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn read(&mut self) -> Value {
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).expect("header");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().expect("length");
            }
        }
        let mut buf = vec![0; len];
        self.stdout.read_exact(&mut buf).expect("body");
        serde_json::from_slice(&buf).expect("json")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.read();
            if m.get("id") == Some(&json!(id)) {
                return m;
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.read();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
}

fn apply(text: &str, edit: &Value) -> String {
    // Full-line-range edits on a single-line document, UTF-16 columns.
    let start = edit["range"]["start"]["character"].as_u64().unwrap() as usize;
    let end = edit["range"]["end"]["character"].as_u64().unwrap() as usize;
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = units[..start].to_vec();
    out.extend(edit["newText"].as_str().unwrap().encode_utf16());
    out.extend(&units[end..]);
    String::from_utf16(&out).unwrap()
}

#[test]
fn diagnostics_code_actions_and_fix_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    let root = format!("file://{}", dir.path().display());
    let init = c.request("initialize", json!({"processId": null, "rootUri": root, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["result"]["serverInfo"]["name"], "copydesk");
    c.notify("initialized", json!({}));

    // Curly quotes, accents and an emoji before the glitch: UTF-16 columns differ from bytes.
    let text = "“Ça va” 😀 Kraków said the the talks ended.";
    let uri = format!("{root}/story.txt");
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    let diags = c.diagnostics_for(&uri);
    let rep = diags
        .iter()
        .find(|d| d["code"] == "spacing/repeated-word")
        .expect("repeated word diagnostic");
    // "the" (second) starts after: “Ça va” (7 units) + space + 😀 (2 units) + " Kraków said the " …
    let prefix = "“Ça va” 😀 Kraków said the ";
    let col = prefix.encode_utf16().count() as u64;
    assert_eq!(rep["range"]["start"], json!({"line": 0, "character": col}));
    assert_eq!(rep["severity"], 2);

    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": rep["range"], "context": {"diagnostics": [rep]}}),
    );
    let list = actions["result"].as_array().expect("actions");
    let quick = list
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap_or("")
                .contains("spacing/repeated-word")
        })
        .expect("quick fix");
    assert!(
        list.iter().any(|a| a["kind"] == "source.fixAll"),
        "{list:?}"
    );
    let edit = &quick["edit"]["changes"][&uri][0];
    let fixed = apply(text, edit);
    assert_eq!(fixed, "“Ça va” 😀 Kraków said the talks ended.");

    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let diags = c.diagnostics_for(&uri);
    assert!(
        diags.iter().all(|d| d["code"] != "spacing/repeated-word"),
        "{diags:?}"
    );

    let r = c.request("shutdown", Value::Null);
    assert!(r.get("error").is_none());
    c.notify("exit", Value::Null);
    let status = c.child.wait().expect("exit");
    assert!(status.success());
}

#[test]
fn broken_rule_file_is_a_diagnostic_on_that_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "rules = [\"desk.toml\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("desk.toml"),
        "[[rule]]\nid = \"a/b\"\nkind = \"pattern\"\nmessage = \"m\"\npattern = '(oops'\n",
    )
    .unwrap();
    let mut c = Client::start(dir.path());
    let root = format!("file://{}", dir.path().display());
    c.request("initialize", json!({"processId": null, "rootUri": root, "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}));
    c.notify("initialized", json!({}));
    let uri = format!("{root}/desk.toml");
    let diags = c.diagnostics_for(&uri);
    assert_eq!(diags.len(), 1);
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("invalid pattern"),
        "{diags:?}"
    );
    assert_eq!(
        diags[0]["range"]["start"],
        json!({"line": 4, "character": 10})
    );
    // The server still lints documents with the shipped rules.
    let doc = format!("{root}/a.txt");
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": doc, "languageId": "plaintext", "version": 1, "text": "Share on WhatsApp\n"}}));
    let diags = c.diagnostics_for(&doc);
    assert!(diags.iter().any(|d| d["code"] == "residue/share-button"));
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().expect("exit").success());
}
