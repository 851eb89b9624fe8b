import Foundation
import Logging
import Testing
import WardenAuditLog
import WardenAuditPostgres
import WardenAuditRecord
import WardenAuditReview
import WardenPostgresTestSupport
import WardenValue

let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// The two stores the review tests run against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }
}

/// A fresh, empty store of one kind, with a sink writing into it.
struct StoreFixture {
    let kind: StoreKind
    let store: any AuditStore
    /// The SQLite file, or the PostgreSQL URL.
    let location: String
    private let sqlitePath: String?
    private let postgresURL: PostgresAuditURL?
    private let directory: ScratchDirectory

    init(_ kind: StoreKind) throws {
        self.kind = kind
        directory = try ScratchDirectory()
        switch kind {
        case .sqlite:
            let path = directory.file("audit.db")
            sqlitePath = path
            postgresURL = nil
            store = SQLiteAuditStore(path: path)
            location = path
        case .postgres:
            let url = try PostgresTestServer.freshDatabase()
            sqlitePath = nil
            postgresURL = url
            store = PostgresAuditStore(url: url)
            location = url.description
        }
    }

    /// A sink writing `node`'s chain (the SQLite store keeps one chain whatever the node).
    func sink(node: String) throws -> any AuditSink {
        if let sqlitePath { return try SQLiteAuditSink(path: sqlitePath) }
        guard let postgresURL else { fatalError("a fixture has a store") }
        return try PostgresAuditSink(url: postgresURL, node: node, logger: quietLogger)
    }

    /// Writes `entries` as `node` and closes the log.
    func write(_ entries: [AuditEntry], node: String = "gw-1", mode: DeliveryMode = .sync) async throws {
        let log = AuditLog(
            node: node, sink: try sink(node: node), mode: mode, failurePolicy: .failClosed, logger: quietLogger)
        for entry in entries { try await log.record(entry) }
        await log.shutdown()
    }

    /// A scratch file path.
    func file(_ name: String) -> String { directory.file(name) }

    /// The PostgreSQL URL (postgres fixtures only).
    var url: PostgresAuditURL? { postgresURL }
}

/// A fresh folder, removed when released.
final class ScratchDirectory: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("warden-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { "\(path)/\(name)" }
}

/// Sample entries: actors, actions, decisions and times that filters can tell apart.
enum SampleEntries {
    static func entry(
        _ n: Int, actor: String? = nil, action: String? = nil, decision: AuditDecision? = nil, policy: String? = nil
    ) -> AuditEntry {
        let actorID = actor ?? ["user:alice", "user:bob", "tenant:acme"][n % 3]
        let chosen = decision ?? (n % 4 == 3 ? .deny : .allow)
        let resource = "app.workers:w\(n % 5)"
        return AuditEntry(
            time: AuditTime(microseconds: 1_700_000_000_000_000 + Int64(n) * 1_000_000),
            op: n % 2 == 0 ? "process.spawn" : "process.send",
            caller: AuditCaller(
                pid: "{app:processes|0x\(n % 7)}", frame: nil, actor: Actor(id: actorID, meta: ["n": .int(n)]),
                scope: ["app:scope"], groups: [], context: .complete),
            target: ["id": .string(resource), "note": "tab\tand \\ backslash"],
            checks: [
                AuditCheck(
                    action: action ?? (n % 2 == 0 ? "process.spawn" : "process.send"), resource: resource,
                    decision: chosen == .allow ? .allow : .deny, policies: [policy ?? "app:p\(n % 3)"],
                    meta: ["pid": "x"])
            ],
            decision: chosen,
            error: chosen == .deny ? AuditCallError(kind: "PERMISSION_DENIED", message: "not allowed") : nil,
            policyRevision: "rev-1", durationNanoseconds: 100 + n)
    }

    static func entries(_ count: Int) -> [AuditEntry] { (0..<count).map { entry($0) } }
}
