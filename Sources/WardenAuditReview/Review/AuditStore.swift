import WardenAuditRecord

/// A queryable audit store the review commands read (`query`, `stats`, `tail`, `replay`,
/// `verify`, `import`): the SQLite database (``SQLiteAuditStore``) or another backend (the
/// PostgreSQL store in `WardenAuditPostgres`). A store may keep several chains, one per
/// writing node; the SQLite store keeps one.
///
/// Every method reports problems as values the commands already print: read errors, chain
/// breaks and import errors, with the store's ``location`` in them.
public protocol AuditStore: Sendable {
    /// Where the store is, for messages: a path, or a URL without its password.
    var location: String { get }

    /// The records matching `filter`, at most `limit` of them; `verifying` checks every row
    /// returned on its own (its line's form and hash, its seq).
    func records(matching filter: AuditFilter, limit: Int?, verifying: Bool) throws(AuditReadError) -> AuditRecordCursor

    /// Statistics over the records matching `filter`; `verifying` verifies the store first.
    func stats(matching filter: AuditFilter, options: AuditStatsOptions, verifying: Bool) throws(AuditReadError)
        -> AuditStats

    /// Verifies every chain of the store with its checkpoints; pinned heads must each be in
    /// one of them.
    /// - Throws: ``AuditChainBreak`` at the first break.
    func verify(options: AuditVerifyOptions) throws(AuditChainBreak) -> [AuditStoreChain]

    /// A follower of the store's new records (`tail -f`).
    func follow(filter: AuditFilter, verifying: Bool) throws(AuditReadError) -> any AuditRecordFollowing

    /// Loads JSON Lines files (one chain, in chain order) into the store, verifying as it goes.
    func importFiles(_ files: [String], continued: Bool) async throws(AuditImportError) -> AuditImportResult
}

/// One verified chain of a store: the node that writes it (`nil` for a store with a single
/// chain) and what verification found.
public struct AuditStoreChain: Sendable, Hashable, CustomStringConvertible {
    /// The node whose chain this is; `nil` when the store keeps one chain.
    public var node: String?
    /// The chain's verification.
    public var verification: AuditVerification

    /// Creates a verified chain.
    public init(node: String?, verification: AuditVerification) {
        self.node = node
        self.verification = verification
    }

    /// `ok: ...` for a single chain, `node NAME: ok: ...` for one of several.
    public var description: String {
        node.map { "node \($0): \(verification)" } ?? verification.description
    }
}

/// Follows a log's new records: ``backlog(_:)`` once, then ``poll()`` repeatedly.
public protocol AuditRecordFollowing: AnyObject {
    /// The last `count` matching records present now; later polls continue after them.
    func backlog(_ count: Int) throws(AuditReadError) -> [AuditReadRecord]
    /// The matching records added since the previous call.
    func poll() throws(AuditReadError) -> [AuditReadRecord]
    /// Returns when new records may have been added: after `interval` for a follower that polls,
    /// or when the store says so for one that is notified.
    func waitForNews(interval: Duration) async
}

extension AuditRecordFollowing {
    /// Polls: sleeps `interval`.
    public func waitForNews(interval: Duration) async {
        try? await Task.sleep(for: interval)
    }
}

extension AuditFollower: AuditRecordFollowing {}
