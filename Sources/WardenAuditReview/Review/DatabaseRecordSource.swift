import GRDB
import WardenAuditRecord

/// Records of an audit database matching a filter, in seq order.
///
/// Two strategies:
/// - `indexed` (filters on indexed columns): one query finds the matching seqs through the
///   indexes (no `ORDER BY`, so SQLite picks the index by selectivity rather than walking the
///   table in seq order), the seqs are sorted and cut to the limit, then the lines are fetched
///   by primary key a page at a time;
/// - `scan` (no filter, a decision alone, or following new rows): pages in seq order after the
///   last seq seen, the condition evaluated by SQLite on the way.
final class DatabaseRecordSource: RecordSource {
    enum Strategy {
        case indexed
        case scan
    }

    let database: AuditDatabase
    let condition: AuditSQLCondition
    let strategy: Strategy
    private let limit: Int?
    private let pageSize = 500
    private var page: [(seq: Int, line: String)] = []
    private var pageIndex = 0
    private var afterSeq = 0
    private var exhausted = false
    private var matchingSeqs: [Int]?
    private var matchingIndex = 0
    private var recordReader = CanonicalRecordReader(sharing: true)
    /// Whether each row's line is verified on its own (form and hash) before it is returned.
    private let verifies: Bool

    init(database: AuditDatabase, filter: AuditFilter, limit: Int?, strategy: Strategy? = nil, verifying: Bool = false)
    {
        self.database = database
        self.verifies = verifying
        self.condition = AuditSQLCondition(filter)
        self.limit = limit
        self.strategy = strategy ?? (condition.usesIndexedColumn ? .indexed : .scan)
    }

    func next() throws(AuditReadError) -> AuditReadRecord? {
        if pageIndex == page.count {
            guard !exhausted else { return nil }
            try fetchPage()
            guard !page.isEmpty else { return nil }
        }
        let (seq, line) = page[pageIndex]
        pageIndex += 1
        if verifies { try Self.verify(seq: seq, line: line, in: database) }
        return try Self.read(seq: seq, line: line, in: database, reader: &recordReader)
    }

    /// Checks a row's line on its own (canonical form and hash), as a chain break.
    static func verify(seq: Int, line: String, in database: AuditDatabase) throws(AuditReadError) {
        var text = line
        let result = text.withUTF8 { bytes in Result { () throws(RecordLine.Fault) in _ = try RecordLine.verify(bytes) }
        }
        if case .failure(let fault) = result {
            throw AuditReadError(
                AuditChainBreak(
                    fault.kind, at: AuditLocation(path: database.path, line: nil), seq: fault.seq ?? seq, fault.message)
            )
        }
    }

    /// The record stored in row `seq`, checking that the line holds that seq.
    static func read(seq: Int, line: String, in database: AuditDatabase) throws(AuditReadError) -> AuditReadRecord {
        var reader = CanonicalRecordReader(sharing: false)
        return try read(seq: seq, line: line, in: database, reader: &reader)
    }

    /// The record stored in row `seq`, checking that the line holds that seq (`reader` is kept
    /// from row to row).
    static func read(
        seq: Int, line: String, in database: AuditDatabase, reader: inout CanonicalRecordReader
    ) throws(AuditReadError) -> AuditReadRecord {
        let location = AuditLocation(path: database.path, line: nil)
        var text = line
        let result = text.withUTF8 { bytes in
            Result { () throws(AuditReadError) -> AuditRecord in
                try FileRecordSource.parse(bytes, at: location, reader: &reader)
            }
        }
        let record = try result.get()
        guard record.seq == seq else {
            throw AuditReadError(
                .invalidRecord, at: location,
                "row seq \(seq) holds a record with seq \(record.seq); run `warden audit verify --db`")
        }
        return AuditReadRecord(record: record, line: line, location: location)
    }

    /// Continues after `seq` (for following, after a backlog); only for the `scan` strategy.
    func skip(through seq: Int) {
        afterSeq = max(afterSeq, seq)
        page = []
        pageIndex = 0
    }

    /// Lets the next call look for rows added since the source ran dry (for following).
    func rewindExhaustion() {
        exhausted = false
    }

    private func fetchPage() throws(AuditReadError) {
        do {
            switch strategy {
            case .scan: try fetchScanPage()
            case .indexed: try fetchIndexedPage()
            }
        } catch let error as AuditReadError {
            throw error
        } catch {
            throw AuditReadError(
                .unreadable, at: AuditLocation(path: database.path, line: nil),
                "cannot query: \(AuditDatabase.describe(error))")
        }
        pageIndex = 0
    }

    private func fetchScanPage() throws {
        let size = min(pageSize, limit ?? pageSize)
        let sql: SQL = """
            SELECT r.seq, r.line FROM audit_records r WHERE \(condition.literal) AND r.seq > \(afterSeq) \
            ORDER BY r.seq LIMIT \(size)
            """
        page = try database.queue.read { db in
            try Row.fetchAll(db, SQLRequest(literal: sql)).map { ($0[0] as Int, $0[1] as String) }
        }
        if let last = page.last { afterSeq = last.seq }
        if page.count < size { exhausted = true }
    }

    private func fetchIndexedPage() throws {
        if matchingSeqs == nil {
            let sql: SQL = "SELECT r.seq FROM audit_records r WHERE \(condition.literal)"
            var seqs = try database.queue.read { db in try Int.fetchAll(db, SQLRequest(literal: sql)) }
            seqs.sort()
            if let limit, seqs.count > limit { seqs.removeLast(seqs.count - limit) }
            matchingSeqs = seqs
        }
        let seqs = matchingSeqs ?? []
        let end = min(matchingIndex + pageSize, seqs.count)
        let wanted = Array(seqs[matchingIndex..<end])
        matchingIndex = end
        if matchingIndex == seqs.count { exhausted = true }
        guard !wanted.isEmpty else {
            page = []
            return
        }
        page = try database.queue.read { db in
            try Row.fetchAll(
                db, SQLRequest(literal: "SELECT seq, line FROM audit_records WHERE seq IN \(wanted) ORDER BY seq")
            ).map { ($0[0] as Int, $0[1] as String) }
        }
    }
}
