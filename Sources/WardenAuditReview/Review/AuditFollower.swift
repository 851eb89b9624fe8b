import WardenAuditRecord

/// Follows a live log (`tail -f`): each ``poll()`` returns the matching records appended since
/// the previous one. A JSON Lines log is followed across rotation (when its path names a new
/// file, the old one is read to its end first) and in-place truncation (`copytruncate`: it
/// starts over at the file's beginning and says so); an incomplete last line waits for its newline.
///
/// Verifying (the default), every record printed is verified on its own, and the records a poll
/// returns from a JSON Lines log are chain-checked against each other and the previous poll's
/// (after a truncation the chain is checked afresh from the new content's first record, since the
/// records cut away between two looks were never read).
public final class AuditFollower {
    private let filter: AuditFilter
    /// Where the records come from (a file or a database).
    let backend: any FollowBackend
    private let verifies: Bool
    private let checksChain: Bool
    /// The chain of polled records (JSON Lines logs, whose polls return every record).
    private var checker: ChainChecker?
    /// Set when the followed file started over (truncated in place) since the last poll.
    private let restarted: RestartFlag

    private init(
        filter: AuditFilter, backend: any FollowBackend, verifies: Bool, checksChain: Bool,
        restarted: RestartFlag = RestartFlag()
    ) {
        self.filter = filter
        self.backend = backend
        self.verifies = verifies
        self.checksChain = checksChain
        self.restarted = restarted
        checker = verifies && checksChain ? ChainChecker(start: nil) : nil
    }

    /// Follows the JSON Lines log whose active file is `path`, starting at its beginning;
    /// `notify` hears what the user should be told (a file truncated in place).
    public static func file(
        _ path: String, filter: AuditFilter = AuditFilter(), verifying: Bool = true,
        notify: @escaping (AuditFollowNotice) -> Void = { _ in }
    ) -> AuditFollower {
        let restarted = RestartFlag()
        let backend = FileFollowBackend(path: path) { notice in
            if notice.kind == .truncated { restarted.isSet = true }
            notify(notice)
        }
        return AuditFollower(
            filter: filter, backend: backend, verifies: verifying, checksChain: true, restarted: restarted)
    }

    /// Follows an audit database, starting at its first record.
    public static func database(
        _ path: String, filter: AuditFilter = AuditFilter(), verifying: Bool = true
    ) throws(AuditReadError) -> AuditFollower {
        let database = try AuditDatabase.openForReading(path)
        return AuditFollower(
            filter: filter, backend: DatabaseFollowBackend(database: database, filter: filter), verifies: verifying,
            checksChain: false)
    }

    /// The last `count` matching records present now (of the active file, for a JSON Lines log,
    /// read backwards from its end); later polls continue after them.
    public func backlog(_ count: Int) throws(AuditReadError) -> [AuditReadRecord] {
        let records = try backend.backlog(count, filter: filter)
        if verifies {
            for record in records { try Self.verifyOnItsOwn(record) }
        }
        return records
    }

    /// Matching records appended since the previous call.
    public func poll() throws(AuditReadError) -> [AuditReadRecord] {
        let records = try backend.poll()
        if restarted.isSet {
            restarted.isSet = false
            checker = verifies && checksChain ? ChainChecker(start: nil) : nil
        }
        if verifies {
            for record in records {
                let verified = try Self.verifyOnItsOwn(record)
                do { try checker?.accept(verified, at: record.location) } catch { throw AuditReadError(error) }
            }
        }
        return records.filter { filter.matches($0.record) }
    }

    /// Checks a record's line on its own (form and hash).
    @discardableResult
    private static func verifyOnItsOwn(_ record: AuditReadRecord) throws(AuditReadError) -> AuditRecord {
        do {
            return try RecordLine.verify(Array(record.line.utf8))
        } catch {
            throw AuditReadError(
                AuditChainBreak(error.kind, at: record.location, seq: error.seq ?? record.record.seq, error.message))
        }
    }
}

/// Whether a followed file started over since the follower last looked; set by the backend's
/// notice, read and cleared by the follower on the same thread.
final class RestartFlag {
    var isSet = false
}

/// A source of newly appended records.
protocol FollowBackend: AnyObject {
    /// Records appended since the previous call.
    func poll() throws(AuditReadError) -> [AuditReadRecord]
    /// The last `count` records matching `filter` present now; later polls continue after them.
    func backlog(_ count: Int, filter: AuditFilter) throws(AuditReadError) -> [AuditReadRecord]
}

extension FollowBackend {
    /// Reads everything present and keeps the last `count` matches.
    func backlog(_ count: Int, filter: AuditFilter) throws(AuditReadError) -> [AuditReadRecord] {
        var kept: [AuditReadRecord] = []
        for record in try poll() where filter.matches(record.record) {
            kept.append(record)
            if kept.count > count { kept.removeFirst() }
        }
        return kept
    }
}
