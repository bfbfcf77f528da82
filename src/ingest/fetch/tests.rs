//! Fetch tests against a server on 127.0.0.1 that each test starts.

use std::time::{Duration, Instant};

use super::*;
use crate::ingest::test_server::{Response, TestServer};

fn loopback_policy() -> FetchPolicy {
    FetchPolicy {
        allow_hosts: vec!["127.0.0.1".into()],
        ..FetchPolicy::default()
    }
}

fn fetched(outcome: FetchOutcome) -> Fetched {
    match outcome {
        FetchOutcome::Fetched(f) => f,
        other => panic!("expected a body, got {other:?}"),
    }
}

const PAGE: &str = "<html><body><article><p>Text.</p></article></body></html>";

#[tokio::test]
async fn a_page_is_fetched_with_its_type_and_validators() {
    let server = TestServer::start(|req| {
        assert!(
            req.header("user-agent")
                .unwrap_or("")
                .starts_with("briefbot/")
        );
        Response::ok("text/html; charset=utf-8", PAGE)
            .header("ETag", "\"v1\"")
            .header("Last-Modified", "Mon, 06 Mar 2023 10:00:00 GMT")
    })
    .await;
    let page = fetched(
        Fetcher::new(loopback_policy())
            .get(&server.url("/a?utm_source=x"), None)
            .await
            .unwrap(),
    );
    assert_eq!(page.status, 200);
    assert_eq!(page.body, PAGE.as_bytes());
    assert_eq!(
        page.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.final_url, server.url("/a?utm_source=x"));
    assert_eq!(page.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        page.validators.last_modified.as_deref(),
        Some("Mon, 06 Mar 2023 10:00:00 GMT")
    );
}

/// Code written against the `Fetch` trait runs on the real fetcher and on fakes alike.
async fn status_via_trait(fetcher: &impl Fetch, url: &str) -> u16 {
    match fetcher.get(url, None).await {
        Ok(FetchOutcome::Fetched(f)) => f.status,
        Ok(FetchOutcome::NotModified { .. }) => 304,
        Err(_) => 0,
    }
}

#[tokio::test]
async fn the_fetcher_can_be_used_through_the_fetch_trait() {
    let server = TestServer::start(|_| Response::ok("text/html", PAGE)).await;
    let fetcher = Fetcher::new(loopback_policy());
    assert_eq!(status_via_trait(&fetcher, &server.url("/")).await, 200);
    let task = tokio::spawn(async move { status_via_trait(&fetcher, "http://10.0.0.1/").await });
    assert_eq!(
        task.await.unwrap(),
        0,
        "the future is Send and the refusal holds"
    );
}

#[tokio::test]
async fn a_conditional_get_is_answered_not_modified() {
    let server = TestServer::start(|req| {
        let etag_matches = req.header("if-none-match") == Some("\"v1\"");
        let date_matches = req.header("if-modified-since") == Some("Mon, 06 Mar 2023 10:00:00 GMT");
        if etag_matches || date_matches {
            Response::new(304).header("ETag", "\"v1\"")
        } else {
            Response::ok("application/rss+xml", "<rss/>").header("ETag", "\"v1\"")
        }
    })
    .await;
    let fetcher = Fetcher::new(loopback_policy());
    let first = fetched(fetcher.get(&server.url("/feed"), None).await.unwrap());
    let again = fetcher
        .get(&server.url("/feed"), Some(&first.validators))
        .await
        .unwrap();
    match again {
        FetchOutcome::NotModified {
            validators,
            final_url,
        } => {
            assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
            assert_eq!(final_url, server.url("/feed"));
        }
        other => panic!("expected 304, got {other:?}"),
    }
    let by_date = Validators {
        etag: None,
        last_modified: Some("Mon, 06 Mar 2023 10:00:00 GMT".into()),
    };
    let again = fetcher
        .get(&server.url("/feed"), Some(&by_date))
        .await
        .unwrap();
    assert!(matches!(again, FetchOutcome::NotModified { .. }));
    let stale = Validators {
        etag: Some("\"v0\"".into()),
        last_modified: None,
    };
    assert!(matches!(
        fetcher
            .get(&server.url("/feed"), Some(&stale))
            .await
            .unwrap(),
        FetchOutcome::Fetched(_)
    ));
}

#[tokio::test]
async fn a_redirect_to_a_private_address_is_refused_before_connecting() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/to-private" => Response::redirect(302, "http://10.0.0.1/"),
        "/to-metadata" => Response::redirect(301, "http://169.254.169.254/latest/meta-data/"),
        "/to-mapped" => Response::redirect(307, "http://[::ffff:10.0.0.1]/"),
        "/to-unique-local" => Response::redirect(308, "http://[fd00::1]:8080/"),
        _ => Response::new(404),
    })
    .await;
    let fetcher = Fetcher::new(loopback_policy());
    let cases = [
        ("/to-private", "refused: 10.0.0.1 is a private address"),
        (
            "/to-metadata",
            "refused: 169.254.169.254 is a link-local address",
        ),
        (
            "/to-mapped",
            "refused: ::ffff:10.0.0.1 is an IPv4-mapped address",
        ),
        (
            "/to-unique-local",
            "refused: fd00::1 is a unique-local address",
        ),
    ];
    for (i, (path, message)) in cases.into_iter().enumerate() {
        let started = Instant::now();
        let err = fetcher.get(&server.url(path), None).await.unwrap_err();
        // The refusal comes from the address check: a connection attempt would have
        // tripped the loopback-only assertion in `send` (and taken far longer).
        assert!(matches!(err, FetchError::Refused { .. }), "{path}: {err:?}");
        assert_eq!(err.to_string(), message);
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(
            server.connections(),
            i + 1,
            "only the loopback hop connected"
        );
    }
}

#[tokio::test]
async fn loopback_is_refused_unless_allow_listed() {
    let server = TestServer::start(|_| Response::ok("text/html", PAGE)).await;
    let fetcher = Fetcher::new(FetchPolicy::default());
    let err = fetcher.get(&server.url("/"), None).await.unwrap_err();
    assert_eq!(err.to_string(), "refused: 127.0.0.1 is a loopback address");
    let by_name = server.url("/").replace("127.0.0.1", "localhost");
    let err = fetcher.get(&by_name, None).await.unwrap_err();
    assert!(
        matches!(err, FetchError::Refused { ref host, .. } if host == "localhost"),
        "{err:?}"
    );
    assert_eq!(server.connections(), 0);

    let by_host_name = Fetcher::new(FetchPolicy {
        allow_hosts: vec!["LOCALHOST".into()],
        ..FetchPolicy::default()
    });
    // localhost may also resolve to ::1, where nothing listens; either way it was allowed.
    match by_host_name.get(&by_name, None).await {
        Ok(outcome) => assert_eq!(fetched(outcome).body, PAGE.as_bytes()),
        Err(e) => assert!(matches!(e, FetchError::Connect { .. }), "{e:?}"),
    }
}

#[tokio::test]
async fn an_oversized_body_is_refused_while_streaming() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/declared" => Response::ok("text/html", vec![b'a'; 200 * 1024]),
        "/streamed" => Response::ok("text/html", vec![b'a'; 1024 * 1024]).until_close(),
        _ => Response::ok("text/html", vec![b'a'; 64 * 1024]).until_close(),
    })
    .await;
    let fetcher = Fetcher::new(FetchPolicy {
        max_bytes: 64 * 1024,
        ..loopback_policy()
    });
    for path in ["/declared", "/streamed"] {
        let err = fetcher.get(&server.url(path), None).await.unwrap_err();
        assert!(
            matches!(err, FetchError::TooLarge { limit: 65536 }),
            "{path}: {err:?}"
        );
        assert_eq!(err.to_string(), "too large: over 64 KB");
    }
    let exact = fetched(fetcher.get(&server.url("/exact"), None).await.unwrap());
    assert_eq!(
        exact.body.len(),
        64 * 1024,
        "a body of exactly the cap is accepted"
    );
    let default_limit = FetchError::TooLarge {
        limit: FetchPolicy::default().max_bytes,
    };
    assert_eq!(default_limit.to_string(), "too large: over 5 MB");
}

#[tokio::test]
async fn a_compressed_body_is_capped_after_decompression() {
    let bomb = include_bytes!("../../../tests/fixtures/ingest/gzip_bomb.html.gz");
    assert!(bomb.len() < 64 * 1024, "small on the wire");
    let server = TestServer::start(|req| match req.path.as_str() {
        "/bomb" => Response::ok("text/html", bomb.as_slice()).header("Content-Encoding", "gzip"),
        _ => Response::ok("text/html", PAGE),
    })
    .await;
    let fetcher = Fetcher::new(FetchPolicy {
        max_bytes: 1024 * 1024,
        ..loopback_policy()
    });
    let err = fetcher.get(&server.url("/bomb"), None).await.unwrap_err();
    assert_eq!(err.to_string(), "too large: over 1 MB");
}

#[tokio::test]
async fn a_wrong_content_type_is_refused() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/image" => Response::ok("image/png", vec![0x89, b'P', b'N', b'G']),
        "/pdf" => Response::ok("Application/PDF", "%PDF-1.4"),
        "/atom" => Response::ok("application/atom+xml; charset=utf-8", "<feed/>"),
        _ => Response::new(200).body("no type"),
    })
    .await;
    let fetcher = Fetcher::new(loopback_policy());
    let err = fetcher.get(&server.url("/image"), None).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "unsupported content type image/png: expected a web page, a feed or text"
    );
    let err = fetcher.get(&server.url("/pdf"), None).await.unwrap_err();
    assert!(
        matches!(err, FetchError::UnsupportedContentType { ref content_type } if content_type == "application/pdf")
    );
    assert!(fetcher.get(&server.url("/atom"), None).await.is_ok());
    let untyped = fetched(fetcher.get(&server.url("/untyped"), None).await.unwrap());
    assert_eq!(untyped.content_type, None);
}

#[tokio::test]
async fn redirects_are_followed_up_to_the_limit() {
    let server = TestServer::start(|req| {
        let n: usize = req.path.trim_start_matches("/hop/").parse().unwrap_or(0);
        match req.path.as_str() {
            "/no-location" => Response::new(302),
            "/to-ftp" => Response::redirect(302, "ftp://example.org/file"),
            _ if n == 0 => Response::ok("text/html", PAGE),
            // Relative and absolute Locations alternate.
            _ if n.is_multiple_of(2) => Response::redirect(302, &format!("{}", n - 1)),
            _ => Response::redirect(301, &format!("/hop/{}", n - 1)),
        }
    })
    .await;
    let fetcher = Fetcher::new(FetchPolicy {
        max_redirects: 3,
        ..loopback_policy()
    });
    let page = fetched(fetcher.get(&server.url("/hop/3"), None).await.unwrap());
    assert_eq!(page.final_url, server.url("/hop/0"));
    let err = fetcher.get(&server.url("/hop/4"), None).await.unwrap_err();
    assert_eq!(err.to_string(), "too many redirects: more than 3");
    let err = fetcher
        .get(&server.url("/no-location"), None)
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::BadRedirect { .. }), "{err:?}");
    let err = fetcher.get(&server.url("/to-ftp"), None).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "only http and https links can be fetched, not ftp:"
    );
}

#[tokio::test]
async fn a_slow_server_times_out() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/slow-body" => Response::ok("text/html", "x")
            .delay(Duration::from_millis(100))
            .until_close(),
        _ => Response::ok("text/html", PAGE).delay(Duration::from_secs(10)),
    })
    .await;
    let fetcher = Fetcher::new(FetchPolicy {
        timeout: Duration::from_millis(300),
        ..loopback_policy()
    });
    let started = Instant::now();
    let err = fetcher.get(&server.url("/slow"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err:?}");
    assert_eq!(err.to_string(), "timed out after 0.3 s");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(
        fetcher.get(&server.url("/slow-body"), None).await.is_ok(),
        "a delay under the limit is fine"
    );
}

#[tokio::test]
async fn error_statuses_and_bad_links_are_reported_plainly() {
    let server = TestServer::start(|_| Response::new(404)).await;
    let fetcher = Fetcher::new(loopback_policy());
    let err = fetcher.get(&server.url("/gone"), None).await.unwrap_err();
    assert_eq!(err.to_string(), "the server answered 404 Not Found");
    for (input, kind) in [
        ("file:///etc/passwd", "scheme"),
        ("gopher://x/", "scheme"),
        ("http://", "url"),
        ("", "url"),
    ] {
        let err = fetcher.get(input, None).await.unwrap_err();
        match kind {
            "scheme" => assert!(
                matches!(err, FetchError::UnsupportedScheme { .. }),
                "{input}: {err:?}"
            ),
            _ => assert!(
                matches!(err, FetchError::InvalidUrl { .. }),
                "{input}: {err:?}"
            ),
        }
        assert!(!err.is_internal());
    }
    assert_eq!(server.connections(), 1);
}

#[test]
fn private_local_and_special_addresses_are_refused_and_public_ones_allowed() {
    let refused = [
        "0.0.0.0",
        "127.0.0.1",
        "127.255.0.9",
        "10.0.0.5",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "192.0.0.8",
        "192.0.2.1",
        "198.51.100.7",
        "203.0.113.9",
        "198.18.0.1",
        "::",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:8.8.8.8",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "fec0::1",
        "ff02::1",
        "2001:db8::1",
        "2002:0a00:0001::1",
        "64:ff9b::10.1.2.3",
        "::10.0.0.1",
        "2001:0:4136:e378::1",
    ];
    for ip in refused {
        assert!(
            refusal(ip.parse().unwrap()).is_some(),
            "{ip} should be refused"
        );
    }
    let public = [
        "8.8.8.8",
        "1.1.1.1",
        "172.32.0.1",
        "100.128.0.1",
        "192.169.0.1",
        "2a00:1450:4001::200e",
        "2606:4700::1111",
        "2002:0808:0808::1",
        "64:ff9b::8.8.8.8",
    ];
    for ip in public {
        assert_eq!(refusal(ip.parse().unwrap()), None, "{ip} should be allowed");
    }
    assert_eq!(
        refusal("10.0.0.5".parse().unwrap()),
        Some("a private address")
    );
    assert_eq!(
        refusal("100.64.1.1".parse().unwrap()),
        Some("a carrier-grade NAT address")
    );
}
