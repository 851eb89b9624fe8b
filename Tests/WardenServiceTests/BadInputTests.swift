import Foundation
import Testing
import WardenService
import WardenValue

/// Bodies the service refuses: 400 with `{"error": {"code", "message", "line", "column"}}`, and
/// the service keeps answering afterwards.
@Suite("bad input to warden serve")
struct BadInputTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path
    static let goodRequest = #"{"actor": null, "action": "process.send", "resource": "app.cache"}"#

    /// Sends `body` to `uri`, then a good request, and returns the first answer's error object.
    func refused(_ uri: String, _ body: String, maxBody: Int = RequestLimits.defaultMaxBody) async throws -> [String:
        Value]
    {
        let service = try DecisionService(loading: [Self.policies])
        let answers = try await ServiceClient.send(
            service, maxBody: maxBody, [(.post, uri, body), (.post, "/v1/decide", Self.goodRequest)])
        #expect(answers[0].status == 400, "\(answers[0].body)")
        #expect(answers[1].status == 200, "the service answers after a bad request: \(answers[1].body)")
        let error = try #require(answers[0].json?["error"]?.mapValue, "\(answers[0].body)")
        #expect(Set(error.keys) == ["code", "message", "line", "column"])
        return error
    }

    @Test func aBodyOverTheLimitIsRefused() async throws {
        let body =
            #"{"actor": null, "action": "process.send", "resource": ""# + String(repeating: "a", count: 2_000) + #""}"#
        let error = try await refused("/v1/decide", body, maxBody: 1_000)
        #expect(error["code"] == "body-too-large")
        #expect(error["message"]?.stringValue?.contains("--max-body") == true)
    }

    @Test func jsonDeeperThan64IsRefused() async throws {
        let body =
            #"{"actor": null, "action": "a", "resource": "r", "meta": {"x": "# + String(repeating: "[", count: 70)
            + String(repeating: "]", count: 70) + "}}"
        let error = try await refused("/v1/decide", body)
        #expect(error["code"] == "too-deep")
        #expect(error["line"] == 1)
        if case .int(let column)? = error["column"] {
            #expect(column > 40)
        } else {
            Issue.record("no column: \(error)")
        }
    }

    @Test func invalidJSONIsPlacedAtItsLineAndColumn() async throws {
        let error = try await refused("/v1/decide", "{\n  \"action\": \"a\",\n  \"resource\": }")
        #expect(error["code"] == "invalid-json")
        #expect(error["line"] == 3)
        #expect(error["column"] == 15)
    }

    @Test(arguments: [
        ("/v1/decide", #"{"actor": null, "action": "a", "resource": "r", "metta": {}}"#, "unknown-key", "metta"),
        ("/v1/decide", #"{"requests": [], "explain": true}"#, "unknown-key", "explain"),
        ("/v1/decide", #"{"requests": [{"action": "a", "resource": "r", "scop": []}]}"#, "unknown-key", "request 1"),
        ("/v1/check", #"{"call": ["with_actor"], "actr": null}"#, "unknown-key", "actr"),
    ])
    func unknownFieldsAreRefused(uri: String, body: String, code: String, named: String) async throws {
        let error = try await refused(uri, body)
        #expect(error["code"] == .string(code))
        #expect(error["message"]?.stringValue?.contains(named) == true, "\(error)")
    }

    @Test(arguments: [
        ("/v1/decide", #"{"actor": "ops", "action": "a", "resource": "r"}"#, "`actor`"),
        ("/v1/decide", #"{"action": 1, "resource": "r"}"#, "`action`"),
        ("/v1/decide", #"{"action": "a", "resource": "r", "meta": []}"#, "`meta`"),
        ("/v1/decide", #"{"requests": {"action": "a"}}"#, "`requests`"),
        ("/v1/decide", #"[1, 2]"#, "object"),
        ("/v1/check", #"{"call": 3}"#, "`call`"),
        ("/v1/check", #"{"call": ["with_actor"], "strict": "no"}"#, "`strict`"),
        ("/v1/check", #"{"call": ["spawn", "app.workers:handler"]}"#, "`call`"),
    ])
    func wrongTypesAreRefused(uri: String, body: String, named: String) async throws {
        let error = try await refused(uri, body)
        #expect(error["code"] == "invalid-value" || error["code"] == "missing-key", "\(error)")
        #expect(error["message"]?.stringValue?.contains(named) == true, "\(error)")
        #expect(error["line"] == .null)
    }

    @Test func aMissingFieldIsRefused() async throws {
        let error = try await refused("/v1/decide", #"{"actor": null, "action": "a"}"#)
        #expect(error["code"] == "missing-key")
        #expect(error["message"]?.stringValue?.contains("`resource`") == true)
    }

    @Test func anUnknownScopeIsRefused() async throws {
        let error = try await refused("/v1/decide", #"{"action": "a", "resource": "r", "scope": ["nope:nothing"]}"#)
        #expect(error["code"] == "unknown-scope")
        #expect(error["message"]?.stringValue?.contains("nope:nothing") == true, "\(error)")
    }

    @Test func aBatchOverTheLimitIsRefusedAndOneAtTheLimitIsAnswered() async throws {
        let over =
            #"{"requests": ["#
            + Array(repeating: Self.goodRequest, count: DecisionService.maxBatch + 1)
            .joined(separator: ",") + "]}"
        let error = try await refused("/v1/decide", over)
        #expect(error["code"] == "batch-too-large")
        let service = try DecisionService(loading: [Self.policies])
        let atLimit =
            #"{"requests": ["#
            + Array(repeating: Self.goodRequest, count: DecisionService.maxBatch)
            .joined(separator: ",") + "]}"
        let answer = try await ServiceClient.send(service, .post, "/v1/decide", body: atLimit)
        #expect(answer.status == 200)
        #expect(answer.json?["results"]?.listValue?.count == DecisionService.maxBatch)
    }
}
