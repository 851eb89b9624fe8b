import Foundation
import WardenAuditReview
import WardenValue

/// What the audit endpoints of `warden serve` answer, apart from HTTP: records a page at a time,
/// statistics and the chain's status, read with the same ``AuditReader`` and ``AuditVerifier``
/// that `warden audit query`, `stats` and `verify` use.
public final class AuditReview: Sendable {
    /// The records of one page when `limit` is not given.
    public static let defaultPageSize = 50
    /// The most records one page may hold.
    public static let maxPageSize = 500

    /// Where the records are read: JSON Lines files in chain order (the last one is the active
    /// file the stream follows) or an audit database.
    public let source: AuditReader.Source

    /// Creates the review over `source`.
    public init(source: AuditReader.Source) {
        self.source = source
    }

    /// The review of `path`: an audit database when the file is one (SQLite's header) or, for a
    /// file not written yet, when its name ends in `.db`, `.sqlite` or `.sqlite3`; else a JSON
    /// Lines log.
    public convenience init(path: String) {
        self.init(source: Self.isDatabase(path) ? .database(path) : .files([path]))
    }

    private static func isDatabase(_ path: String) -> Bool {
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            if let header = try? handle.read(upToCount: 16), !header.isEmpty {
                return header == Data("SQLite format 3\0".utf8)
            }
        }
        return [".db", ".sqlite", ".sqlite3"].contains { path.hasSuffix($0) }
    }

    private var reader: AuditReader {
        switch source {
        case .files(let paths): .files(paths)
        case .database(let path): .database(path)
        case .store(let reference): .store(reference.store)
        }
    }

    /// `GET /v1/audit/records`: `{"records": [...], "next": CURSOR or null}`, the matching records
    /// newest first, each the stored JSON line `warden audit query --format jsonl` prints.
    /// `cursor` (the previous page's `next`) continues with older records; `limit` sets the page
    /// size (1 to ``maxPageSize``); `id` selects the one record with that id (the page's record view).
    /// - Throws: ``ServiceError`` for bad parameters, 409 for a log that does not verify, 500 when
    ///   the log cannot be read.
    public func records(_ pairs: [(String, String)]) throws(ServiceError) -> String {
        let parameters = try AuditQueryParameters(pairs, allowing: ["cursor", "limit", "verify", "id"])
        let filter = try parameters.filter()
        let limit = try parameters.integer("limit", default: Self.defaultPageSize, in: 1...Self.maxPageSize)
        var cursor: AuditPageCursor?
        if let text = parameters["cursor"] { cursor = try AuditPageCursor(text: text) }
        let id = parameters["id"]
        let reader = reader.verifying(try parameters.verifies())
        var page: [AuditReadRecord]
        var next: String?
        let pagedBySeq = reader.isDatabase
        var beforeID: String?
        var beforeSeq: Int?
        switch cursor {
        case .beforeID(let value) where !pagedBySeq: beforeID = value
        case .beforeSeq(let value) where pagedBySeq: beforeSeq = value
        case nil: break
        default: throw Self.cursorOfAnotherSource
        }
        do {
            if let newest = try reader.newestRecords(matching: filter, id: id, beforeSeq: beforeSeq, limit: limit + 1) {
                page = newest
                if page.count > limit {
                    page.removeLast(page.count - limit)
                    next = page.last.map { AuditPageCursor.beforeSeq($0.record.seq).text }
                }
            } else {
                var newest = NewestRecords(capacity: limit + 1)
                try reader.forEach(matching: filter) { read in
                    if let beforeID, !NewestRecords.precedes(read.record.id, beforeID) { return }
                    if let id, read.record.id != id { return }
                    newest.offer(read)
                }
                page = Array(newest.ascending.reversed())
                if page.count > limit {
                    page.removeLast(page.count - limit)
                    next = page.last.map { AuditPageCursor.beforeID($0.record.id).text }
                }
            }
        } catch {
            throw Self.failure(error)
        }
        var text = #"{"records":["#
        text += page.map(\.line).joined(separator: ",")
        text += #"],"next":"#
        text += next.map { #"""# + $0 + #"""# } ?? "null"
        return text + "}"
    }

    /// `GET /v1/audit/stats`: what `warden audit stats --format json` prints for the same
    /// filters; `bucket` (an age such as `1m`, `1h`, `1d`) adds the allowed and denied calls per
    /// time bucket, `top` sets the length of the top lists.
    /// - Throws: ``ServiceError`` as ``records(_:)``.
    public func stats(_ pairs: [(String, String)]) throws(ServiceError) -> String {
        let parameters = try AuditQueryParameters(pairs, allowing: ["bucket", "top", "verify"])
        let filter = try parameters.filter()
        let top = try parameters.integer("top", default: 10, in: 0...1_000)
        var bucketMicros: Int64?
        if let bucket = parameters["bucket"] {
            guard let micros = AuditFilterText.age(bucket), micros > 0 else {
                throw ServiceError(
                    code: "invalid-value",
                    message:
                        "invalid query parameter `bucket=\(bucket)`: expected a bucket size such as `1m`, `1h` or `1d`")
            }
            bucketMicros = micros
        }
        let reader = reader.verifying(try parameters.verifies())
        do {
            let stats =
                try reader
                .stats(matching: filter, options: AuditStatsOptions(top: top, bucketMicroseconds: bucketMicros))
            return stats.json(bucket: parameters["bucket"]).canonicalJSON
        } catch {
            throw Self.failure(error)
        }
    }

    /// `GET /v1/audit/verify`: the chain's status, as `warden audit verify` finds it:
    /// `{"ok", "records", "first_seq", "head": {"seq", "hash"}, "checkpoints", "warnings", "break",
    /// "chains"}`, where `break` is `null` or `{"code", "location", "seq", "message"}` and `chains`
    /// lists each chain (`{"node", "records", "first_seq", "head", "checkpoints"}`; `node` is
    /// `null` for a log with one chain). A store holding several nodes' chains answers their sums,
    /// with `first_seq` and `head` `null`. Both answers are 200: a broken chain is a finding, not
    /// a failed request.
    public func verify(_ pairs: [(String, String)]) throws(ServiceError) -> String {
        if let name = pairs.first?.0 {
            throw ServiceError(
                code: "unknown-parameter",
                message: "unknown query parameter `\(name)`: verify checks the whole log and takes no parameters")
        }
        var object: [String: Value] = ["ok": .bool(true), "break": .null, "warnings": .list([])]
        do {
            let chains: [AuditStoreChain]
            switch source {
            case .files(let paths):
                chains = [
                    AuditStoreChain(
                        node: nil, verification: try AuditVerifier.verify(files: paths, options: AuditVerifyOptions()))
                ]
            case .database(let path):
                chains = [
                    AuditStoreChain(
                        node: nil, verification: try AuditVerifier.verify(database: path, options: AuditVerifyOptions())
                    )
                ]
            case .store(let reference):
                chains = try reference.store.verify(options: AuditVerifyOptions())
            }
            let single = chains.count == 1 ? chains.first?.verification : nil
            object["records"] = .int(chains.reduce(0) { $0 + $1.verification.records })
            object["first_seq"] = single?.firstSeq.map { .int($0) } ?? .null
            object["head"] = single.map { Self.head($0) } ?? .null
            object["checkpoints"] = .int(chains.reduce(0) { $0 + $1.verification.checkpoints })
            object["warnings"] = .list(
                chains.flatMap { chain in
                    chain.verification.warnings.map { warning in
                        .string(chain.node.map { "node \($0): \(warning)" } ?? warning)
                    }
                })
            object["chains"] = .list(
                chains.map { chain in
                    .map([
                        "node": chain.node.map(Value.string) ?? .null, "records": .int(chain.verification.records),
                        "first_seq": chain.verification.firstSeq.map { .int($0) } ?? .null,
                        "head": Self.head(chain.verification), "checkpoints": .int(chain.verification.checkpoints),
                    ])
                })
        } catch {
            object["ok"] = .bool(false)
            object["records"] = .null
            object["first_seq"] = .null
            object["head"] = .null
            object["checkpoints"] = .null
            object["chains"] = .list([])
            object["break"] = .map([
                "code": .string(error.code), "location": .string(error.location.description),
                "seq": error.seq.map { .int($0) } ?? .null, "message": .string(error.message),
            ])
        }
        return Value.map(object).canonicalJSON
    }

    private static func head(_ verification: AuditVerification) -> Value {
        .map(["seq": .int(verification.head.seq), "hash": .string(verification.head.hash)])
    }

    /// A cursor made for another kind of source (a file's cursor given to a database's review).
    static let cursorOfAnotherSource = ServiceError(
        code: "invalid-cursor",
        message: "this cursor was made for another audit source; start again without `cursor`")

    /// The service error for a read that failed: 409 for a chain break, 500 otherwise.
    static func failure(_ error: AuditReadError) -> ServiceError {
        if error.kind == .chainBreak {
            return ServiceError(
                status: 409, code: error.code,
                message:
                    "the audit log does not verify: \(error.description); see GET /v1/audit/verify, or add `verify=false` to read it anyway"
            )
        }
        return ServiceError(status: 500, code: error.code, message: "cannot read the audit log: \(error.description)")
    }
}
