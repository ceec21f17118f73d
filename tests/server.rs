//! `copydesk serve` over real HTTP on loopback: the API, its errors, the page, and a graceful
//! shutdown on SIGTERM.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn request(addr: &str, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn api_page_errors_and_shutdown() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["serve", "--bind", "127.0.0.1:0", "--no-config"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start server");
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_string();

    assert_eq!(
        request(&addr, "GET", "/healthz", b""),
        (200, "ok".to_string())
    );
    let (status, page) = request(&addr, "GET", "/", b"");
    assert_eq!(status, 200);
    assert!(
        page.contains("<textarea") && !page.contains("http://") && !page.contains("https://"),
        "self-contained page"
    );

    let (status, body) = request(
        &addr,
        "POST",
        "/v1/check",
        br#"{"text": "It was was over.\n\nLeave a Comment\n", "name": "draft.txt"}"#,
    );
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["version"], 1);
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["spacing/repeated-word", "residue/comment-form"]);
    assert_eq!(v["diagnostics"][0]["path"], "draft.txt");

    let (status, body) = request(
        &addr,
        "POST",
        "/v1/check",
        br#"{"text": "Wednesday, 3 March.", "date": "2023-02-20", "select": ["dates"]}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["summary"]["diagnostics"],
        1
    );

    let (status, body) = request(&addr, "POST", "/v1/fix", br#"{"text": "It was was over."}"#);
    assert_eq!(status, 200);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["text"], "It was over.");
    assert_eq!(v["applied"], 1);

    let (status, body) = request(&addr, "GET", "/v1/rules", b"");
    assert_eq!(status, 200);
    assert!(
        serde_json::from_str::<Value>(&body).unwrap()["rules"]
            .as_array()
            .unwrap()
            .len()
            > 40
    );

    // Bad requests: the right status, a JSON error, and the server carries on.
    assert_eq!(request(&addr, "POST", "/v1/check", b"{not json").0, 400);
    assert_eq!(
        request(&addr, "POST", "/v1/check", br#"{"format": "text"}"#).0,
        400
    );
    assert_eq!(
        request(
            &addr,
            "POST",
            "/v1/check",
            br#"{"text": "x", "format": "docx"}"#
        )
        .0,
        422
    );
    assert_eq!(
        request(
            &addr,
            "POST",
            "/v1/check",
            br#"{"text": "x", "select": ["nosuch"]}"#
        )
        .0,
        422
    );
    let (status, body) = request(
        &addr,
        "POST",
        "/v1/check",
        br#"{"text": "x", "date": "2023-02-30"}"#,
    );
    assert_eq!(status, 422);
    assert!(body.contains("invalid date"));
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(3 * 1024 * 1024));
    assert_eq!(request(&addr, "POST", "/v1/check", big.as_bytes()).0, 413);
    assert_eq!(request(&addr, "GET", "/healthz", b"").0, 200);

    // Graceful shutdown on SIGTERM.
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
