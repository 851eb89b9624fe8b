import ArgumentParser

/// A command-line failure that exits with status 3 (invalid input) after printing its message.
enum CLIError: Error, CustomStringConvertible {
    /// Bad arguments or input.
    case invalid(String)
    /// The policies did not load; one diagnostic per line.
    case invalidPolicies([String])

    var description: String {
        switch self {
        case .invalid(let message): "error: \(message)"
        case .invalidPolicies(let diagnostics): diagnostics.joined(separator: "\n")
        }
    }
}
