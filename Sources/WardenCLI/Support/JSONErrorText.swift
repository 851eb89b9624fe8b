import WardenValue

extension ValueJSONError {
    /// `not valid JSON: invalid value around line 1, column 5`: the parser's explanation in
    /// the style of Warden's messages (lowercase start, no final period).
    var cliMessage: String {
        switch self {
        case .invalid(let why):
            var detail = why.trimmingFinalPeriod
            if let first = detail.first { detail = first.lowercased() + detail.dropFirst() }
            return "not valid JSON: \(detail)"
        }
    }
}

extension String {
    /// The text without one final `.`.
    var trimmingFinalPeriod: String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
