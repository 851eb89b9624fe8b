import WardenGlob

/// A review filter pattern: the policy language's pattern (``GlobPattern``), so `--action
/// 'process.spawn.*'` selects exactly the records a policy with that action would match.
public typealias AuditGlob = GlobPattern
