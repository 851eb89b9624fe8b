import WardenTestSupport

/// The conformance vectors of the CLI tests' fixture, for running each through `warden eval`.
enum PolicyVectors {
    /// The fixture, cut into one policy file per vector.
    static let file = PolicyVectorFile(path: PolicyCLI.vectors)
    /// One vector.
    typealias Vector = PolicyVectorFile.Vector

    /// Every vector, in file order.
    static func all() throws -> [Vector] { try file.all() }

    /// The number of cases, counted in the text.
    static func countInText() throws -> Int { try file.countInText() }
}
