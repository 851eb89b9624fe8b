/// Follows a live log (`tail -f`): each ``poll()`` returns the matching records appended since
/// the previous one. A JSON Lines log is followed across rotation (when its path names a new
/// file, the old one is read to its end first) and in-place truncation (`copytruncate`: it
/// starts over at the file's beginning and says so); an incomplete last line waits for its newline.
public final class AuditFollower {
    private let filter: AuditFilter
    /// Where the records come from (a file or a database).
    let backend: any FollowBackend

    private init(filter: AuditFilter, backend: any FollowBackend) {
        self.filter = filter
        self.backend = backend
    }

    /// Follows the JSON Lines log whose active file is `path`, starting at its beginning;
    /// `notify` hears what the user should be told (a file truncated in place).
    public static func file(
        _ path: String, filter: AuditFilter = AuditFilter(), notify: @escaping (AuditFollowNotice) -> Void = { _ in }
    ) -> AuditFollower {
        AuditFollower(filter: filter, backend: FileFollowBackend(path: path, notify: notify))
    }

    /// Follows an audit database, starting at its first record.
    public static func database(_ path: String, filter: AuditFilter = AuditFilter()) throws(AuditReadError) -> AuditFollower {
        let database = try AuditDatabase.openForReading(path)
        return AuditFollower(filter: filter, backend: DatabaseFollowBackend(database: database, filter: filter))
    }

    /// The last `count` matching records present now (of the active file, for a JSON Lines log,
    /// read backwards from its end); later polls continue after them.
    public func backlog(_ count: Int) throws(AuditReadError) -> [AuditReadRecord] {
        try backend.backlog(count, filter: filter)
    }

    /// Matching records appended since the previous call.
    public func poll() throws(AuditReadError) -> [AuditReadRecord] {
        try backend.poll().filter { filter.matches($0.record) }
    }
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
