import Foundation
import Testing
import WardenTestSupport

/// A `warden serve` process on an ephemeral loopback port, and curl clients for it.
final class LiveAuditServer: Sendable {
    let process = Process()
    /// `http://127.0.0.1:PORT`.
    let url: String

    /// Starts `warden serve ARGUMENTS --listen 127.0.0.1:0` and waits for its `listening on` line
    /// (read on a thread of its own: see `offCooperativePool`).
    init(_ arguments: [String]) async throws {
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path())
        process.arguments = ["serve"] + arguments + ["--listen", "127.0.0.1:0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let (reading, process) = (output.fileHandleForReading, process)
        let text = await offCooperativePool {
            var text = ""
            while !text.contains("\n"), process.isRunning {
                let data = reading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        url = try #require(
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("http://") }.map(String.init),
            "no address in \(text)")
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Sends `signal` and waits for the process to end.
    func stop(_ signal: Int32 = SIGTERM) async {
        kill(process.processIdentifier, signal)
        await process.exitStatus()
    }
}

/// A `curl -N` reading a streaming answer, its output collected as it arrives.
final class StreamingCurl: @unchecked Sendable {
    // Safe: `text` is only read and written under `lock`; the reading thread and the test share
    // nothing else.
    private let lock = NSLock()
    private var text = ""
    private let process = Process()

    /// Starts `curl -N -s url`.
    init(_ url: String, extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-N", "-s"] + extra + [url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                lock.lock()
                text += String(decoding: data, as: UTF8.self)
                lock.unlock()
            }
        }
    }

    /// Everything received so far.
    var received: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }

    /// Waits (at most `seconds`) until `condition` holds for what was received; returns it.
    func wait(seconds: Double = 20, until condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let now = received
            if condition(now) { return now }
            try await Task.sleep(for: .milliseconds(50))
        }
        return received
    }

    /// Whether curl is still running.
    var isRunning: Bool { process.isRunning }

    /// Stops curl.
    func stop() async {
        if process.isRunning { process.terminate() }
        await process.exitStatus()
    }

    /// The `data:` lines of the `record` events received.
    static func records(in text: String) -> [String] {
        text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard lines.contains("event: record") else { return nil }
            return lines.first { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
        }
    }
}
