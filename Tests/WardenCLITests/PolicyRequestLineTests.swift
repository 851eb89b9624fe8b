import Testing
import WardenPolicy
import WardenService
import WardenValue

@testable import WardenCLI

@Suite("warden eval --requests line format")
struct PolicyRequestLineTests {
    @Test func fullLineIsRead() throws {
        let line = try RequestLine.parse(
            #"{"actor": {"id": "u", "meta": {"role": "admin"}}, "action": "a", "resource": "r", "meta": {"n": 1}, "scope": "ns:p", "groups": ["ns:g"]}"#
        )
        #expect(
            line.request
                == AuthorizationRequest(
                    actor: Actor(id: "u", meta: ["role": "admin"]), action: "a", resource: "r", meta: ["n": 1]))
        #expect(line.scope == ScopeSpec(policies: ["ns:p"], groups: ["ns:g"]))
    }

    @Test(arguments: [
        #"{"action": "a", "resource": "r"}"#, #"{"actor": null, "action": "a", "resource": "r", "meta": null}"#,
    ])
    func missingOrNullActorIsAbsent(_ text: String) throws {
        let line = try RequestLine.parse(text)
        #expect(line.request.actor == nil)
        #expect(line.request.meta.isEmpty)
        #expect(line.scope == nil)
    }

    @Test func emptyScopeListIsAnEmptyScopeNotTheDefault() throws {
        let line = try RequestLine.parse(#"{"action": "a", "resource": "r", "scope": []}"#)
        #expect(line.scope == ScopeSpec())
    }

    @Test(arguments: [
        ("{", "invalid-json"),
        ("[1]", "invalid-value"),
        (#"{"action": "a"}"#, "missing-key"),
        (#"{"resource": "r"}"#, "missing-key"),
        (#"{"action": 1, "resource": "r"}"#, "invalid-value"),
        (#"{"action": "a", "resource": "r", "actr": {}}"#, "unknown-key"),
        (#"{"action": "a", "resource": "r", "actor": "u"}"#, "invalid-value"),
        (#"{"action": "a", "resource": "r", "actor": {"meta": {}}}"#, "missing-key"),
        (#"{"action": "a", "resource": "r", "actor": {"id": "u", "role": "x"}}"#, "unknown-key"),
        (#"{"action": "a", "resource": "r", "actor": {"id": "u", "meta": []}}"#, "invalid-value"),
        (#"{"action": "a", "resource": "r", "meta": "x"}"#, "invalid-value"),
        (#"{"action": "a", "resource": "r", "groups": [""]}"#, "invalid-value"),
        (#"{"action": "a", "resource": "r", "scope": {"a": 1}}"#, "invalid-value"),
    ])
    func badLinesHaveACode(_ text: String, _ code: String) {
        #expect {
            try RequestLine.parse(text)
        } throws: { error in
            (error as? RequestLineError)?.code == code
        }
    }
}
