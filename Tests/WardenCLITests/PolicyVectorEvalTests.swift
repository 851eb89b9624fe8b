import Foundation
import Testing
import WardenPolicy
import WardenValue

/// Every conformance vector through the built binary's `warden eval`: the vector's policies are
/// written as a policy file in namespace `t`, and its request is given as options.
@Suite("conformance vectors through warden eval", .timeLimit(.minutes(5)))
struct PolicyVectorEvalTests {
    static let vectors: [PolicyVectors.Vector] = (try? PolicyVectors.all()) ?? []

    @Test func everyVectorIsRead() throws {
        #expect(Self.vectors.count == (try PolicyVectors.countInText()))
        #expect(Self.vectors.allSatisfy { $0.policyFile.contains("  - name:") })
    }

    @Test(arguments: vectors)
    func vectorDecidesAsExpected(_ vector: PolicyVectors.Vector) async throws {
        let test = vector.test
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(vector.policyFile, to: "policies.yaml", in: directory)
            var arguments = [
                "eval", "--policies", path, "--action", test.action, "--resource", test.resource, "--format", "json",
            ]
            if let actor = test.actor {
                arguments += ["--actor", actor.id, "--actor-meta", Value.map(actor.meta).canonicalJSON]
            }
            if !test.meta.isEmpty { arguments += ["--meta", Value.map(test.meta).canonicalJSON] }
            if let scope = test.scope {
                if !scope.policies.isEmpty { arguments += ["--scope", scope.policies.joined(separator: ",")] }
                if !scope.groups.isEmpty { arguments += ["--group", scope.groups.joined(separator: ",")] }
            }
            let result = try await PolicyCLIBinary.run(arguments)
            switch test.expect {
            case .loadError:
                #expect(result.code == 3, "\(result.output)\(result.errors)")
                #expect(result.output.isEmpty)
            case .outcome(let outcome):
                // Without an actor, strict mode (the default) denies; the corpus has none so far.
                let expected = test.actor == nil ? Outcome.deny : outcome
                #expect(result.code == (expected == .allow ? 0 : 2), "\(result.errors)")
                let object = try #require(try Value(json: result.output).mapValue, "\(result.errors)")
                #expect(object["decision"] == .string(expected.rawValue))
                if let policies = test.expectedPolicies {
                    #expect(object["policies"] == .list(policies.sorted().map(Value.string)))
                }
            }
        }
    }
}
