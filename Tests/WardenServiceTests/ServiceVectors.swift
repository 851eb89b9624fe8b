import Foundation
import WardenTestSupport

/// The conformance vectors, for running each through `warden eval` and `POST /v1/decide`.
enum ServiceVectors {
    /// The fixture, cut into one policy file per vector.
    static let file = PolicyVectorFile(
        path: ServiceClient.root.appendingPathComponent("Tests/WardenPolicyTests/Fixtures/policy-vectors.yaml").path)
    /// One vector.
    typealias Vector = PolicyVectorFile.Vector

    /// Every vector, in file order.
    static func all() throws -> [Vector] { try file.all() }
}
