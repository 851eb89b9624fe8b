import Foundation
import Logging
import WardenAuditLog
import WardenAuditRecord
import WardenValue

@testable import WardenCLI

/// Runs `warden audit ARGS` in-process and returns its exit code and output.
func runAudit(_ arguments: [String], terminal: Bool = false) async throws -> (code: Int32, out: String, err: String) {
    try await runAudit(arguments, io: CapturedIO(terminal: terminal))
}

/// Runs `warden audit ARGS` in-process writing to `io`, which the caller may watch meanwhile;
/// through the command runner, as `warden audit ...` runs.
func runAudit(_ arguments: [String], io: CapturedIO) async throws -> (code: Int32, out: String, err: String) {
    let code = await CommandRunner.run(WardenCommand.self, arguments: ["audit"] + arguments, io: io.io)
    return (code, io.capturedOut, io.capturedErr)
}

/// Streams that keep what a command writes, readable while it runs.
struct CapturedIO: Sendable {
    let output = BufferedOutput()
    let errors = BufferedOutput()
    let io: CommandIO

    /// Streams whose output is (or is not) taken for a terminal.
    init(terminal: Bool = false) {
        io = CommandIO(output: output, errors: errors, input: BufferedLineInput(""), outputIsTerminal: terminal)
    }

    /// Everything written to the output so far.
    var capturedOut: String { output.text }
    /// Everything written to the error stream so far.
    var capturedErr: String { errors.text }
}

/// A fresh temporary directory, removed when released.
final class AuditCLIDirectory: Sendable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("warden-audit-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func lines(_ name: String) throws -> [String] {
        try String(contentsOfFile: file(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// Four records for the command tests.
///
/// | seq | time | actor | op | checks | decision |
/// |---|---|---|---|---|---|
/// | 1 | T | user:alice | process.spawn | process.spawn app.workers:h allow [app:spawn]; process.host app:processes allow [app:hosts] | allow |
/// | 2 | T+30m | `user:"q", x` | process.send | process.send {app:processes&#124;0x2} deny [app:no_send] | deny |
/// | 3 | T+2h | none | process.terminate | process.terminate {app:processes&#124;0x1} undefined | deny |
/// | 4 | T+1d | user:alice | process.send | process.send {app:processes&#124;0x2} allow [app:send] | allow |
enum AuditCLIFixture {
    /// 2025-01-01T00:00:00Z.
    static let t0: Int64 = 1_735_689_600

    static func time(_ seconds: Int64) -> AuditTime { AuditTime(microseconds: (t0 + seconds) * 1_000_000) }

    static func entry(
        _ seconds: Int64, _ actor: String?, _ op: String, _ checks: [AuditCheck], _ decision: AuditDecision
    ) -> AuditEntry {
        AuditEntry(
            time: time(seconds), op: op,
            caller: AuditCaller(
                pid: "{app:processes|0x9}", actor: actor.map { Actor(id: $0) }, scope: ["app:all"], context: .complete),
            target: ["id": "x"], checks: checks, decision: decision,
            error: decision == .deny ? AuditCallError(kind: "PERMISSION_DENIED", message: "not allowed, really") : nil,
            policyRevision: "rev", durationNanoseconds: 10)
    }

    static let entries: [AuditEntry] = [
        entry(
            0, "user:alice", "process.spawn",
            [
                AuditCheck(
                    action: "process.spawn", resource: "app.workers:h", decision: .allow, policies: ["app:spawn"]),
                AuditCheck(
                    action: "process.host", resource: "app:processes", decision: .allow, policies: ["app:hosts"]),
            ], .allow),
        entry(
            1800, "user:\"q\", x", "process.send",
            [
                AuditCheck(
                    action: "process.send", resource: "{app:processes|0x2}", decision: .deny, policies: ["app:no_send"])
            ], .deny),
        entry(
            7200, nil, "process.terminate",
            [AuditCheck(action: "process.terminate", resource: "{app:processes|0x1}", decision: .undefined)], .deny),
        entry(
            86_400, "user:alice", "process.send",
            [
                AuditCheck(
                    action: "process.send", resource: "{app:processes|0x2}", decision: .allow, policies: ["app:send"])
            ], .allow),
    ]

    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Writes entries (the fixture by default) to a JSON Lines log.
    static func writeLog(_ path: String, entries: [AuditEntry] = entries, rotateAtBytes: Int64? = nil) async throws {
        let log = AuditLog(
            node: "gw", sink: try JSONLFileSink(path: path, rotateAtBytes: rotateAtBytes, logger: quiet), mode: .sync,
            failurePolicy: .failClosed, logger: quiet)
        for entry in entries { try await log.record(entry) }
        await log.shutdown()
    }
}
