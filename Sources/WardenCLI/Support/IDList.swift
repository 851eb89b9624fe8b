import Foundation

/// Splits repeatable, comma-separated id options (`--group a,b --group c`) into ids.
public enum IDList {
    /// The ids of every value, split at commas, trimmed of spaces; empty items are dropped.
    public static func split(_ values: [String]) -> [String] {
        values.flatMap { value in
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
    }
}
