import Foundation
import Testing
import WardenPolicy
import WardenService
import WardenValue

/// Reloads while clients decide: every answer names one of the two revisions and is the
/// decision that revision gives; no request fails.
@Suite("hot reload under load")
struct ReloadUnderLoadTests {
    @Test func everyAnswerIsConsistentWithTheRevisionItNames() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let texts = [ReloadAndStatusTests.allowAll, ReloadAndStatusTests.denySend]
            var expected: [String: String] = [:]
            for (text, decision) in zip(texts, ["allow", "deny"]) {
                try ServiceClient.write(text, to: "policies.yaml", in: directory)
                let set = try PolicyLoader().load(paths: [directory.path]).get()
                expected[set.revision] = decision
            }
            #expect(expected.count == 2)
            let service = try DecisionService(loading: [directory.path])
            let single = Array(ReloadAndStatusTests.request.utf8)
            let batch = Array(
                #"{"requests": [\#(ReloadAndStatusTests.request), \#(ReloadAndStatusTests.request)]}"#.utf8)

            let answers = try await withThrowingTaskGroup(of: [Value].self) { group in
                for client in 0..<4 {
                    group.addTask {
                        var seen: [Value] = []
                        for round in 0..<300 {
                            let text = try service.decide(
                                (client + round).isMultiple(of: 2) ? single : batch, explain: false)
                            seen.append(try Value(json: text))
                            await Task.yield()
                        }
                        return seen
                    }
                }
                group.addTask {
                    for round in 0..<40 {
                        try ServiceClient.write(texts[round % 2], to: "policies.yaml", in: directory)
                        let (ok, body) = service.reload()
                        #expect(ok, "\(body)")
                        await Task.yield()
                    }
                    return []
                }
                var all: [Value] = []
                for try await answers in group { all += answers }
                return all
            }
            #expect(answers.count == 1200)
            var revisionsSeen: Set<String> = []
            for answer in answers {
                let results = answer["results"]?.listValue ?? [answer]
                let revisions = Set(results.compactMap { $0["revision"]?.stringValue })
                #expect(revisions.count == 1, "a batch spans one revision: \(answer)")
                for result in results {
                    let revision = result["revision"]?.stringValue ?? ""
                    revisionsSeen.insert(revision)
                    #expect(expected[revision] != nil, "unknown revision in \(result)")
                    #expect(result["decision"]?.stringValue == expected[revision], "\(result)")
                }
            }
            #expect(revisionsSeen.count == 2, "the clients saw both sets")
        }
    }
}
