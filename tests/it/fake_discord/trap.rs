//! The trap listener: anything that reaches it is a request that tried to leave loopback, so
//! it only counts connections and keeps their first lines.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::state::Shared;

pub(super) async fn accept_trap(shared: Arc<Shared>, listener: TcpListener) {
    while let Ok((mut stream, _)) = listener.accept().await {
        shared.trap_hits.fetch_add(1, Ordering::SeqCst);
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let mut buf = vec![0u8; 2048];
            let n = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut buf))
                .await
                .ok()
                .and_then(Result::ok);
            let head = String::from_utf8_lossy(&buf[..n.unwrap_or(0)]);
            let line = head.lines().next().unwrap_or("").to_owned();
            tracing::error!(request = %line, "fake discord trap: a request tried to leave loopback");
            shared.update(|inner| inner.trap_lines.push(line));
            let _ = stream
                .write_all(
                    b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                )
                .await;
        });
    }
}
