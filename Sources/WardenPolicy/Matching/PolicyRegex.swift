import Foundation

/// A `matches` regular expression, compiled once at load time (ICU syntax via
/// `NSRegularExpression`, which is immutable and safe to share between threads).
struct PolicyRegex: Sendable {
    /// The expression as written.
    let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern`, or returns the reason it is not a valid regular expression.
    static func compile(_ pattern: String) -> Result<PolicyRegex, RegexCompileError> {
        do {
            return .success(PolicyRegex(pattern: pattern, regex: try NSRegularExpression(pattern: pattern)))
        } catch {
            return .failure(RegexCompileError(reason: "\(error.localizedDescription)"))
        }
    }

    /// Whether the expression matches anywhere in `subject` (unanchored).
    func matches(_ subject: String) -> Bool {
        let range = NSRange(subject.startIndex..<subject.endIndex, in: subject)
        return regex.firstMatch(in: subject, options: [], range: range) != nil
    }
}

/// Why a regular expression did not compile.
struct RegexCompileError: Error, Sendable {
    /// The regular expression engine's explanation.
    let reason: String
}
