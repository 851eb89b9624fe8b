import Foundation
import Testing
import WardenPolicy
import WardenService
import WardenValue

/// Every conformance vector through `POST /v1/decide` and through `warden eval --format json`:
/// the two answers are the same JSON value, with and without the explanation.
@Suite("POST /v1/decide answers as warden eval does")
struct DecideConformanceTests {
    static let vectors: [ServiceVectors.Vector] = ((try? ServiceVectors.all()) ?? []).filter {
        if case .loadError = $0.test.expect { return false }
        return true
    }

    @Test func theCorpusIsRead() throws {
        #expect(Self.vectors.count > 50)
    }

    @Test(arguments: vectors, [false, true])
    func vectorAnswersMatchEval(_ vector: ServiceVectors.Vector, explain: Bool) async throws {
        let test = vector.test
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = try ServiceClient.write(vector.policyFile, to: "policies.yaml", in: directory)
            var arguments = [
                "eval", "--policies", path, "--action", test.action, "--resource", test.resource, "--format", "json",
            ]
            var request: [String: Value] = ["action": .string(test.action), "resource": .string(test.resource)]
            if let actor = test.actor {
                arguments += ["--actor", actor.id, "--actor-meta", Value.map(actor.meta).canonicalJSON]
                request["actor"] = .map(["id": .string(actor.id), "meta": .map(actor.meta)])
            } else {
                request["actor"] = .null
            }
            if !test.meta.isEmpty {
                arguments += ["--meta", Value.map(test.meta).canonicalJSON]
                request["meta"] = .map(test.meta)
            }
            if let scope = test.scope {
                if !scope.policies.isEmpty {
                    arguments += ["--scope", scope.policies.joined(separator: ",")]
                    request["scope"] = .list(scope.policies.map(Value.string))
                }
                if !scope.groups.isEmpty {
                    arguments += ["--group", scope.groups.joined(separator: ",")]
                    request["groups"] = .list(scope.groups.map(Value.string))
                }
            }
            if explain { arguments.append("--explain") }
            let eval = await ServiceClient.warden(arguments)
            #expect(eval.code == 0 || eval.code == 2, "\(eval.errors)")
            let service = try DecisionService(loading: [path])
            let answer = try await ServiceClient.send(
                service, .post, explain ? "/v1/decide?explain=true" : "/v1/decide",
                body: Value.map(request).canonicalJSON)
            #expect(answer.status == 200, "\(answer.body)")
            let expected = try Value(json: eval.output)
            #expect(answer.json == expected)
            #expect(answer.json?["decision"] != nil)
        }
    }

    @Test func aBatchAnswersEachRequestAsEvalRequestsDoes() async throws {
        let lines = [
            #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#,
            #"{"actor": null, "action": "process.send", "resource": "app.cache"}"#,
            #"{"actor": {"id": "tenant:acme", "meta": {"tier": "free"}}, "action": "process.spawn.linked", "resource": "app.workers:handler", "groups": ["app.security:tenants"]}"#,
        ]
        let policies = ServiceClient.root.appendingPathComponent("policies").path
        let eval = await ServiceClient.warden(
            ["eval", "--policies", policies, "--requests", "-"], input: lines.joined(separator: "\n") + "\n")
        let evalLines = eval.output.split(separator: "\n").map { line -> Value? in
            guard case .map(var object)? = try? Value(json: String(line)) else { return nil }
            object["line"] = nil
            return .map(object)
        }
        #expect(evalLines.count == lines.count, "\(eval.errors)")
        let service = try DecisionService(loading: [policies])
        let answer = try await ServiceClient.send(
            service, .post, "/v1/decide", body: #"{"requests": ["# + lines.joined(separator: ",") + "]}")
        #expect(answer.status == 200, "\(answer.body)")
        let results = (answer.json?["results"]?.listValue ?? []).map(Optional.some)
        #expect(results == evalLines)
        #expect(results.contains { $0?["decision"] == "allow" } && results.contains { $0?["decision"] == "deny" })
    }
}
