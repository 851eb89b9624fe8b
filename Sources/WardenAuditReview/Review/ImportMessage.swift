import WardenAuditRecord

/// What an import's verifier thread hands to the inserting thread.
enum ImportMessage: Sendable {
    /// Verified records to insert.
    case batch(RecordRows)
    /// Every file verified; `skipped` records were already in the database.
    case finished(skipped: Int)
    /// Verification stopped at a break (after sending the batches before it).
    case broken(AuditChainBreak, skipped: Int)
}
