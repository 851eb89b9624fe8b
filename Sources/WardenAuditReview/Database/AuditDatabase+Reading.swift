import WardenAuditRecord

extension AuditDatabase {
    /// Opens an existing audit database read-only, with errors for review commands.
    static func openForReading(_ path: String) throws(AuditReadError) -> AuditDatabase {
        let location = AuditLocation(path: path, line: nil)
        let exists = (try? FileDescriptor.status(ofPath: path)).flatMap { $0 } != nil
        guard exists else {
            throw AuditReadError(.unreadable, at: location, "no such database; check the --db path")
        }
        do {
            return try AuditDatabase.open(path: path, create: false)
        } catch {
            switch error {
            case .sqlite(let message):
                throw AuditReadError(.unreadable, at: location, "cannot open the audit database: \(message)")
            case .notAuditDatabase(let message):
                throw AuditReadError(.notAuditDatabase, at: nil, message)
            }
        }
    }
}
