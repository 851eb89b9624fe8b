import WardenAuditRecord

/// The SQLite audit database as an ``AuditStore``: one chain, read with the module's database
/// reader, verifier, follower and importer.
public struct SQLiteAuditStore: AuditStore {
    /// The database file.
    public let path: String

    /// A store over the database at `path` (opened by each operation).
    public init(path: String) {
        self.path = path
    }

    /// The path.
    public var location: String { path }

    /// The records matching `filter`, read through the indexes.
    public func records(matching filter: AuditFilter, limit: Int?, verifying: Bool) throws(AuditReadError)
        -> AuditRecordCursor
    {
        try AuditReader.database(path).verifying(verifying).records(matching: filter, limit: limit)
    }

    /// Statistics by SQL aggregates.
    public func stats(matching filter: AuditFilter, options: AuditStatsOptions, verifying: Bool) throws(AuditReadError)
        -> AuditStats
    {
        try AuditReader.database(path).verifying(verifying).stats(matching: filter, options: options)
    }

    /// Verifies the database's chain.
    public func verify(options: AuditVerifyOptions) throws(AuditChainBreak) -> [AuditStoreChain] {
        [AuditStoreChain(node: nil, verification: try AuditVerifier.verify(database: path, options: options))]
    }

    /// Follows the database.
    public func follow(filter: AuditFilter, verifying: Bool) throws(AuditReadError) -> any AuditRecordFollowing {
        try AuditFollower.database(path, filter: filter, verifying: verifying)
    }

    /// Imports with ``AuditImporter``.
    public func importFiles(_ files: [String], continued: Bool) async throws(AuditImportError) -> AuditImportResult {
        try AuditImporter.importFiles(files, into: path, continued: continued)
    }
}
