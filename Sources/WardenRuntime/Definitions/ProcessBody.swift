import WardenValue

/// The code of a process: it runs with its context and returns its result value. Returning is
/// a normal exit; throwing is an abnormal one.
public typealias ProcessBody = @Sendable (ProcessContext) async throws -> Value
